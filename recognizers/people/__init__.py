"""Recognizers of people: first names, surnames, titles, initials, nicknames,
relation words, speaker labels."""
