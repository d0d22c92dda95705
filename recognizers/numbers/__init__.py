"""Recognizers of identification numbers: NIR, SIREN/SIRET, VAT, IBAN, licence
plates, reference numbers; `checksums.py` holds the checks they apply."""
