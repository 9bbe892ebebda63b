"""Interfaces: the FastAPI service and the `minutes` CLI."""
