"""Reading minutes documents into meetings and agenda items, and the store that keeps them."""
