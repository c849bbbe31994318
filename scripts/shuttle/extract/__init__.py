"""Extractors: pure functions from article text to candidates with character spans."""
