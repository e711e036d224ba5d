"""The benchmark: `make bench SCALE=N` (see bench/run.py)."""
