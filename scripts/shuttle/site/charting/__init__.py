"""Chart building blocks; the public face is shuttle.site.charts."""
