#!/usr/bin/env python3
"""Generate and check the fictional numbers used in the clinical corpus.

  python3 ids.py check NUMBER...     check NIR keys (15 digits), Luhn (9, 11, 14 digits)
                                     and ARCEP fiction phone ranges (10 digits)
  python3 ids.py nir SEX YY MM DEPT COMMUNE ORDER   print a NIR with its key
  python3 ids.py luhn PREFIX          complete PREFIX with a Luhn check digit
  python3 ids.py phones N [SEED]      N random phone numbers in the fiction ranges

Standard library only.
"""
import random
import re
import sys

FICTION_PREFIXES = ["019900", "026191", "035301", "046571", "053649", "063998"]


def nir_key(first13: str) -> int:
    return 97 - int(first13) % 97


def make_nir(sex, yy, mm, dept, commune, order) -> str:
    first = f"{sex}{int(yy):02d}{int(mm):02d}{dept}{int(commune):03d}{int(order):03d}"
    assert len(first) == 13 and first.isdigit(), first
    return first + f"{nir_key(first):02d}"


def nir_ok(d: str) -> bool:
    return len(d) == 15 and d.isdigit() and d[0] in "12378" and nir_key(d[:13]) == int(d[13:])


def luhn_ok(d: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(d)):
        x = int(c)
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def luhn_complete(prefix: str) -> str:
    for k in range(10):
        if luhn_ok(prefix + str(k)):
            return prefix + str(k)
    raise ValueError(prefix)


def phone_ok(d: str) -> bool:
    return len(d) == 10 and d[:6] in FICTION_PREFIXES


def check(s: str) -> str:
    d = re.sub(r"\D", "", s)
    if len(d) == 15:
        return f"{s}: NIR {'ok' if nir_ok(d) else 'BAD KEY'}"
    if len(d) in (9, 11, 14):
        return f"{s}: Luhn {'ok' if luhn_ok(d) else 'BAD'}"
    if len(d) == 10:
        return f"{s}: phone {'in fiction range' if phone_ok(d) else 'NOT in fiction range'}"
    return f"{s}: {len(d)} digits, no rule"


def main(argv):
    if not argv:
        print(__doc__)
        return 1
    cmd, args = argv[0], argv[1:]
    if cmd == "check":
        bad = 0
        for a in args:
            r = check(a)
            bad += ("BAD" in r) or ("NOT" in r)
            print(r)
        return 1 if bad else 0
    if cmd == "nir":
        print(make_nir(*args))
        return 0
    if cmd == "luhn":
        print(luhn_complete(args[0]))
        return 0
    if cmd == "phones":
        rnd = random.Random(int(args[1]) if len(args) > 1 else 0)
        for _ in range(int(args[0])):
            p = rnd.choice(FICTION_PREFIXES) + f"{rnd.randrange(10000):04d}"
            print(" ".join(p[i:i + 2] for i in range(0, 10, 2)))
        return 0
    print(__doc__)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
