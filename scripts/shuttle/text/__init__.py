"""Reading article text: paragraphs and sentences with offsets, numbers as articles write them.

What the extractors, the checks and the pages all need, in one place below all three: a
citation's `#pN`, the sentence a page shows around a quote and the number a check reads
back are found by the same code the extractors used. Pure functions of a string; no I/O.
"""
