#!/usr/bin/env python3
"""Generate and check the fictional identifiers used in the business corpus.

    python3 ids.py gen > ids_generated.lst   print a deterministic batch of valid numbers
    python3 ids.py check X  check one number (SIREN, SIRET, TVA, IBAN FR76, NIR)

Standard library only. All numbers are invented; they pass their checksums
(Luhn for SIREN/SIRET, TVA key, RIB key and IBAN mod-97, NIR key).
"""
import random
import re
import sys


def luhn_ok(d):
    t = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2:
            x *= 2
            x -= 9 if x > 9 else 0
        t += x
    return t % 10 == 0


def luhn_complete(prefix):
    for c in "0123456789":
        if luhn_ok(prefix + c):
            return prefix + c


def siren(rng):
    return luhn_complete(str(rng.randint(30000000, 99999999)))


def siret(s, rng):
    while True:
        nic = "%04d" % rng.randint(1, 60)
        out = luhn_complete(s + nic)
        if out:
            return out


def tva(s):
    return "FR%02d%s" % ((12 + 3 * (int(s) % 97)) % 97, s)


def rib_key(bank, branch, account):
    return 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97


def iban_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"FR76\d{23}", s):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1


def iban(rng):
    while True:
        bank = "%05d" % rng.randint(10000, 49999)
        branch = "%05d" % rng.randint(1, 99999)
        account = "%011d" % rng.randint(10**9, 10**11 - 1)
        bban = bank + branch + account + "%02d" % rib_key(bank, branch, account)
        num = int(bban + "152700")  # F=15 R=27 00
        check = 98 - num % 97
        if check == 76:
            return "FR76" + bban


def nir(rng, sex, yy, mm, dept):
    commune = "%03d" % rng.randint(1, 400)
    order = "%03d" % rng.randint(1, 999)
    base = f"{sex}{yy:02d}{mm:02d}{dept}{commune}{order}"
    return base + "%02d" % (97 - int(base) % 97)


def nir_ok(d):
    d = d.replace(" ", "")
    return len(d) == 15 and d[0] in "12" and 97 - int(d[:13]) % 97 == int(d[13:])


def group(s, sizes):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n]); i += n
    return " ".join(out)


def check(x):
    c = x.replace(" ", "").replace(".", "")
    if c.startswith("FR") and len(c) == 27:
        return "IBAN", iban_ok(c) and rib_key(c[4:9], c[9:14], c[14:25]) == int(c[25:])
    if re.fullmatch(r"FR\d{11}", c):
        return "TVA", luhn_ok(c[4:]) and c == tva(c[4:])
    if c.isdigit() and len(c) == 9:
        return "SIREN", luhn_ok(c)
    if c.isdigit() and len(c) == 14:
        return "SIRET", luhn_ok(c)
    if c.isdigit() and len(c) == 15:
        return "NIR", nir_ok(c)
    return "?", False


def main():
    if sys.argv[1:2] == ["check"]:
        for x in sys.argv[2:]:
            print(x, *check(x))
        return
    rng = random.Random(2025)
    for i in range(30):
        s = siren(rng)
        st = siret(s, rng)
        print(f"company {i:02d}: SIREN {group(s,[3,3,3])}  SIRET {group(st,[3,3,3,5])}  TVA {tva(s)}")
    for i in range(12):
        ib = iban(rng)
        print(f"iban {i:02d}: {group(ib,[4]*6+[3])}")
    for i, (sex, yy, mm, dept) in enumerate([(2, 88, 5, "69"), (1, 79, 11, "44"), (2, 93, 2, "35"),
                                              (1, 71, 7, "59"), (2, 85, 9, "31"), (1, 90, 3, "33")]):
        n = nir(rng, sex, yy, mm, dept)
        print(f"nir {i}: {group(n,[1,2,2,2,3,3,2])}")


if __name__ == "__main__":
    main()
