"""Keyword (Whoosh) and embedding indexes, both derived from the store."""
