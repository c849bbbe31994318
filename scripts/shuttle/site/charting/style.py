"""Colours and sizes shared by every chart.

Charts draw on their own white card in light and dark mode alike (background set in
the spec), so one palette serves both. Contrast against white: KILLED 6.9:1, INJURED
8.7:1, TEXT 12.6:1, AXIS 4.5:1, PRISONERS 8.7:1, TRIP_MARK 4.5:1 and TRIP_TEXT 9.7:1
(the bar and number that mark a trip; its band, TRIP_FILL, is decoration only). Marks
are also told apart by shape, dash or a direct label, never by colour alone.
"""

WHITE = "#ffffff"
KILLED = "#b2182b"
INJURED = "#1f4e79"
TEXT = "#333333"
AXIS = "#767676"
GRID = "#e6e6e6"
TRIP_FILL = "#ececec"
TRIP_MARK = "#767676"
PRISONERS = "#5b3a8c"
TRIP_TEXT = "#444444"
FONT = "sans-serif"
PADDING = 12
# Drawn no wider than it is shown (the content column is about 650 px at 1280 px, a
# phone's about 325 px), so that no text is scaled below its 11 px.
SVG_WIDTH = 640
# The static SVG again, drawn for a phone's width: the same height as the live chart
# there (the live chart fits its width and keeps its height), and text at its size.
SVG_NARROW_WIDTH = 320
