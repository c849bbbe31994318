"""Rendering build/docs (Material or Zensical), link checking, publishing build/site."""
