"""`minutes bench`: how fast ingest, indexing, embedding and search are, beside peers in the same run."""
