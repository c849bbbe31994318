"""Shuttle: Blinken's shuttle diplomacy during the Gaza war, as a sourced data explainer."""

__version__ = "0.1.0"
