"""Configuration: the bottom layer every package may import (corpus, index, search, api, tooling)."""
