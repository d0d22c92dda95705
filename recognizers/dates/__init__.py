"""Recognizers of dates and ages."""
