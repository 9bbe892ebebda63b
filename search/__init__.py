"""Query handling, fusion and ranking over the keyword and embedding indexes."""
