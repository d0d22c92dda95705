"""Recognizers of places: gazetteer places, venues, street addresses, postal
codes and the town after them."""
