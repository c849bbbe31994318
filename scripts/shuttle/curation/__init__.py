"""Curation: extraction runs, proposals merged into data/, editors' verbs, evaluation."""
