"""Site generation: data to Markdown pages, charts and downloads under build/docs."""
