"""Chart building blocks; the public face is shuttle.charts."""
