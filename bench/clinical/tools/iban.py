#!/usr/bin/env python3
"""Print a fictional French IBAN (FR76) with a valid RIB key and IBAN key.
python3 iban.py BANK GUICHET [SEED]"""
import random
import sys


def iban_key(bban):
    num = "".join(str(int(c, 36)) for c in bban + "FR00")
    return 98 - int(num) % 97


def make(bank, guichet, seed=0):
    r = random.Random(seed)
    while True:
        account = "".join(str(r.randrange(10)) for _ in range(11))
        rib = 97 - (89 * int(bank) + 15 * int(guichet) + 3 * int(account)) % 97
        bban = f"{bank}{guichet}{account}{rib:02d}"
        if iban_key(bban) == 76:
            return "FR76" + bban


if __name__ == "__main__":
    ib = make(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    print(" ".join(ib[i:i + 4] for i in range(0, len(ib), 4)))
