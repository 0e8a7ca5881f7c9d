#!/usr/bin/env python3
"""False-accept rate of a euclidean verification threshold (docs/accuracy.md).

    false_accept_rates.py OUT CACHE            # the table on OUT/tune and OUT/report
    false_accept_rates.py OUT CACHE --java     # also the tuning half's points for FalseAcceptRates

OUT holds the trees of `identification_tuning.py split` and CACHE the descriptors that
`facesearch eval identification --embeddings-cache CACHE` wrote for them (run the command on
OUT/tune and OUT/report first). The impostor pairs of a half are all pairs of photos of two different
people of that half; a photo without a face is left out. FAR(t) is the fraction of them with a
distance strictly below t, the rule `MatchThreshold.matches` applies. Needs numpy.
"""
import os
import sys

import numpy as np

from identification_tuning import load_cache, people, photos

# Thresholds of the table: every 0.025 from 0.30 (no impostor pair of either half is that close) to 1.20
# (every impostor pair is closer), fine enough that interpolating between points moves a FAR by less than
# the two halves differ.
GRID = [round(0.30 + 0.025 * i, 3) for i in range(37)]
# The FAR below which a figure rests on fewer than ~100 impostor pairs of the tuning half (~11 million).
FLOOR = 1e-5


def descriptors(tree, vectors):
    """The descriptors of a tree's photos and the index of each photo's person, in name order."""
    rows, owners = [], []
    for i, person in enumerate(people(tree)):
        for f in photos(tree, person):
            v = vectors.get(f)
            if v is not None:
                rows.append(v)
                owners.append(i)
    return np.array(rows, dtype=np.float64), np.array(owners)


def impostor_distances(x, owners, block=512):
    """The euclidean distance of every pair of photos of two different people, each pair once."""
    squares = (x * x).sum(axis=1)
    out = []
    for start in range(0, len(x), block):
        a = x[start:start + block]
        d2 = squares[start:start + block, None] + squares[None, :] - 2 * a @ x.T
        d = np.sqrt(np.maximum(d2, 0))
        rows = np.arange(start, start + len(a))[:, None]
        keep = (np.arange(len(x))[None, :] > rows) & (owners[start:start + block, None] != owners[None, :])
        out.append(d[keep])
    return np.sort(np.concatenate(out))


def far(sorted_distances, t):
    return np.searchsorted(sorted_distances, t, side="left") / len(sorted_distances)


def threshold_at(sorted_distances, rate):
    """The largest threshold whose FAR is at most `rate` (the distance of the first pair it would accept)."""
    return sorted_distances[int(np.floor(rate * len(sorted_distances)))]


def main(out, cache, java):
    vectors = load_cache(cache)
    halves = {}
    for half in ("tune", "report"):
        x, owners = descriptors(os.path.join(out, half), vectors)
        if len(x) == 0:
            sys.exit("no descriptor of %s/%s in %s: run facesearch eval identification --images %s/%s "
                     "--embeddings-cache %s first" % (out, half, cache, out, half, cache))
        halves[half] = impostor_distances(x, owners)
        print("%s: %d photos with a face, %d people, %d impostor pairs, min %.4f, max %.4f" % (
            half, len(x), len(set(owners.tolist())), len(halves[half]), halves[half][0], halves[half][-1]))
    tune, report = halves["tune"], halves["report"]
    print()
    print("| threshold | FAR tuning half | FAR report half |")
    print("|---|---|---|")
    for t in GRID:
        print("| %.3f | %.3g | %.3g |" % (t, far(tune, t), far(report, t)))
    print()
    print("| FAR (tuning half) | threshold | FAR of that threshold on the report half |")
    print("|---|---|---|")
    for rate in (1e-5, 1e-4, 1e-3, 1e-2, 1e-1):
        t = threshold_at(tune, rate)
        print("| %g | %.4f | %.3g |" % (rate, t, far(report, t)))
    if java:
        # The tuning half's points from the FLOOR up to the first threshold with FAR 1.
        floor = threshold_at(tune, FLOOR)
        points = [(floor, far(tune, floor))] + [(t, far(tune, t)) for t in GRID if t > floor]
        last = next(i for i, (_, f) in enumerate(points) if f >= 1.0)
        print()
        for t, f in points[:last + 1]:
            print("            point(%.4f, %.4g)," % (t, f))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], "--java" in sys.argv[3:])
