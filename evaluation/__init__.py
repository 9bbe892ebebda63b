"""`minutes eval`: relevance of our search modes and of plain peers, on graded judgments."""
