"""Data -> Markdown pages (through templates), one module per page family; assemble.py
makes every page and file of the site."""
