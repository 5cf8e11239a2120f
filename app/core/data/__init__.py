"""Data in and out: the labeled-token dataset and its card, listings to score (CSV, JSONL) and the
one table format every surface writes scores in."""
