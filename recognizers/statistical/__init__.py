"""The statistical recognizer: spaCy's French NER, filtered."""
