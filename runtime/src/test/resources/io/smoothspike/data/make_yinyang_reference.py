"""Writes yinyang_reference.json, the reference values of YinYangTest (run once, by hand; the Java tests only read
the JSON): python3 make_yinyang_reference.py > yinyang_reference.json

The Yin-Yang data set (Kriener, Goeltz, Petrovici 2021) drawn with numpy's legacy numpy.random.RandomState:
per sample a goal class randint(3), then points rand(2) * 2R until one lies inside the big circle and has that
class. Doubles are written as float.hex() strings, so the Java side compares them bit for bit. Each split's
"sha256" is the SHA-256 of its rows packed big-endian as 4 doubles (x, y, 1 - x, 1 - y) and a 32-bit label.
"""
import hashlib
import json
import struct

import numpy as np

R_BIG = 0.5
R_SMALL = 0.1
SPLITS = [("train", 42, 5000), ("validation", 41, 1000), ("test", 40, 1000)]


def distance(x, y, cx, cy):
    return np.sqrt((x - cx) ** 2 + (y - cy) ** 2)


def label(x, y):
    right = distance(x, y, 1.5 * R_BIG, R_BIG)
    left = distance(x, y, 0.5 * R_BIG, R_BIG)
    if right < R_SMALL or left < R_SMALL:
        return 2
    one = right <= R_SMALL or R_SMALL < left <= 0.5 * R_BIG or (y > R_BIG and right > 0.5 * R_BIG)
    return 1 if one else 0


def generate(seed, n):
    rng = np.random.RandomState(seed)
    rows = []
    for _ in range(n):
        goal = rng.randint(3)
        while True:
            x, y = rng.rand(2) * 2.0 * R_BIG
            if distance(x, y, R_BIG, R_BIG) <= R_BIG and label(x, y) == goal:
                break
        rows.append((float(x), float(y), float(1.0 - x), float(1.0 - y), int(goal)))
    return rows


def hexed(row):
    return [v.hex() for v in row[:4]] + [row[4]]


def main():
    out = {"numpy": np.__version__, "mt19937": [], "splits": []}
    for seed in (0, 42, 5489, 4294967295):
        rs = np.random.RandomState(seed)
        out["mt19937"].append({
            "seed": seed,
            "uint32": [int(v) for v in rs.randint(0, 2 ** 32, size=700, dtype=np.uint32)[[0, 1, 2, 623, 624, 699]]],
            "randint3": [int(rs.randint(3)) for _ in range(20)],
            "rand": [float(v).hex() for v in rs.rand(4)],
        })
    for name, seed, n in SPLITS:
        rows = generate(seed, n)
        packed = b"".join(struct.pack(">4di", *row) for row in rows)
        out["splits"].append({
            "name": name, "seed": seed, "size": n,
            "sha256": hashlib.sha256(packed).hexdigest(),
            "labels": [sum(1 for row in rows if row[4] == c) for c in range(3)],
            "rows": {str(i): hexed(rows[i]) for i in (0, 1, 2, 17, n - 1)},
        })
    print(json.dumps(out, indent=1))


main()
