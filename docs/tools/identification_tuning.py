#!/usr/bin/env python3
"""Open-set identification: the DevTrain split and the fit of the default rule (docs/accuracy.md).

    identification_tuning.py split LFW OUT      # folder trees of symbolic links, see below
    identification_tuning.py fit OUT CACHE      # fit on OUT/tune, print the defaults for Java
    identification_tuning.py templates OUT CACHE [tune|report]

`split` divides LFW DevTrain's people by the CRC-32 of their folder name (the same number as
java.util.zip.CRC32): even is the tuning half (OUT/tune), odd the report half (OUT/report), which is
cut again by the next bit into two quarters (OUT/reportA, OUT/reportB). OUT/dist-N hold the first N
people (in CRC order) of the tuning half then of reportB, as distractors for reportA.

`fit` and `templates` read the descriptors that `facesearch eval identification --embeddings-cache
CACHE` wrote, so run the command on the trees first. The split, the gallery and the probes follow
the command's protocol exactly (people and photos in name order; gallery: first photo of every
person with 2+; mated probes: their other photos; non-mated probes: the photos of single-photo people).
Needs numpy.
"""
import os
import sys
import zlib

import numpy as np

PHOTO = (".jpg", ".jpeg", ".png", ".bmp", ".webp")


def crc(name):
    return zlib.crc32(name.encode("utf-8"))


def people(tree):
    return sorted(p for p in os.listdir(tree) if not p.startswith(".") and os.path.isdir(os.path.join(tree, p)))


def photos(tree, person):
    d = os.path.join(tree, person)
    return sorted(os.path.realpath(os.path.join(d, f)) for f in os.listdir(d)
                  if f.lower().endswith(PHOTO) and not f.startswith("."))


def link_tree(out, lfw, names):
    os.makedirs(out, exist_ok=True)
    for n in names:
        target = os.path.join(out, n)
        if not os.path.lexists(target):
            os.symlink(os.path.join(lfw, n), target)


def split(lfw, out):
    names = people(lfw)
    tune = [n for n in names if crc(n) % 2 == 0]
    report = [n for n in names if crc(n) % 2 == 1]
    quarter_a = [n for n in report if (crc(n) >> 1) % 2 == 0]
    quarter_b = [n for n in report if (crc(n) >> 1) % 2 == 1]
    link_tree(os.path.join(out, "tune"), lfw, tune)
    link_tree(os.path.join(out, "report"), lfw, report)
    link_tree(os.path.join(out, "reportA"), lfw, quarter_a)
    link_tree(os.path.join(out, "reportB"), lfw, quarter_b)
    pool = sorted(tune, key=crc) + sorted(quarter_b, key=crc)
    for n in (300, 900, 2100, len(pool)):
        link_tree(os.path.join(out, "dist-%d" % n), lfw, pool[:n])
    print("tune %d people, report %d (A %d, B %d), distractor pool %d" % (
        len(tune), len(report), len(quarter_a), len(quarter_b), len(pool)))


def load_cache(path):
    vectors = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            vectors[key] = None if value.strip() == "-" else np.array([float(v) for v in value.split()])
    return vectors


def protocol(tree, vectors, enrolled_photos=1):
    """Gallery faces (subject, vector), mated probes (subject, vector) and non-mated probe vectors."""
    gallery, mated, non_mated = [], [], []
    for person in people(tree):
        files = photos(tree, person)
        if len(files) == 1:
            non_mated.append(vectors.get(files[0]))
            continue
        if len(files) <= enrolled_photos:
            continue
        enrolled = [vectors.get(f) for f in files[:enrolled_photos]]
        enrolled = [v for v in enrolled if v is not None]
        if not enrolled:
            continue
        gallery.extend((person, v) for v in enrolled)
        mated.extend((person, vectors.get(f)) for f in files[enrolled_photos:])
    return gallery, mated, non_mated


class Gallery:
    """The enrolled faces; a subject's distance is that of its nearest face, or of its mean template."""

    def __init__(self, faces, templates=False):
        names = np.array([s for s, _ in faces])
        matrix = np.stack([v for _, v in faces])
        if templates:
            subjects = sorted(set(names))
            matrix = np.stack([matrix[names == s].mean(axis=0) for s in subjects])
            names = np.array(subjects)
        self.names, self.matrix = names, matrix

    def subjects(self, probe):
        """(subject, distance) pairs, nearest first, one per subject."""
        d = np.linalg.norm(self.matrix - probe, axis=1)
        seen, out = set(), []
        for i in np.argsort(d, kind="stable"):
            if self.names[i] not in seen:
                seen.add(self.names[i])
                out.append((self.names[i], d[i]))
                if len(out) == 12:
                    break
        return out


def features(faces, mated, non_mated, templates=False):
    """Per probe: d1, d2, the cohort z of d1 over the next 10 subjects, top-is-right, is-mated."""
    gallery = Gallery(faces, templates)
    rows = []
    for truth, probe in [(s, v) for s, v in mated] + [(None, v) for v in non_mated]:
        if probe is None:
            rows.append((np.inf, np.inf, -np.inf, False, truth is not None))
            continue
        ranked = gallery.subjects(probe)
        d = np.array([x for _, x in ranked])
        cohort = d[1:11]
        z = (cohort.mean() - d[0]) / max(cohort.std(), 1e-3)
        rows.append((d[0], d[1], z, ranked[0][0] == truth, truth is not None))
    return np.array(rows, dtype=float)


def dir_at_fpir(score, rows, fpir):
    mated = rows[:, 4] == 1
    impostor = np.sort(score[~mated])[::-1]
    allowed = int(np.floor(fpir * len(impostor) + 1e-9))
    threshold = impostor[allowed] if allowed < len(impostor) else -np.inf
    return np.mean((rows[mated, 3] == 1) & (score[mated] > threshold)), threshold


def scores(rows, coefficients=None):
    d1, d2, z = rows[:, 0], rows[:, 1], rows[:, 2]
    with np.errstate(invalid="ignore"):
        out = {"nearest_distance": -d1, "margin": d2 - d1, "ratio": 1 - d1 / d2, "cohort_z": z}
    if coefficients is not None:
        out["logistic"] = coefficients[0] + coefficients[1] * d1 + coefficients[2] * (d2 - d1)
    # A probe without a face has no score: it is refused whatever the threshold.
    return {k: np.where(np.isfinite(d1), v, -np.inf) for k, v in out.items()}


def fit_logistic(x, y, iterations=50):
    """Maximum likelihood by Newton's method (a tiny ridge keeps the Hessian invertible)."""
    w = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-x @ w))
        gradient = x.T @ (y - p) - 1e-6 * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + 1e-6 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w += step
        if np.abs(step).max() < 1e-10:
            break
    return w


def print_table(rows, coefficients=None):
    print("DIR at FPIR        10%      1%    0.1%")
    for name, s in scores(rows, coefficients).items():
        print("  %-16s %s" % (name, " ".join("%6.2f%%" % (100 * dir_at_fpir(s, rows, f)[0])
                                              for f in (0.1, 0.01, 0.001))))


def fit(out, cache):
    vectors = load_cache(cache)
    gallery, mated, non_mated = protocol(os.path.join(out, "tune"), vectors)
    rows = features(gallery, mated, non_mated)
    ok = np.isfinite(rows[:, 0])
    x = np.column_stack([np.ones(ok.sum()), rows[ok, 0], rows[ok, 1] - rows[ok, 0]])
    w = fit_logistic(x, rows[ok, 3])
    print("tuning half: gallery %d, mated %d, non-mated %d" % (len(gallery), len(mated), len(non_mated)))
    print("logistic (bias, d1, d2 - d1) = (%.4f, %.4f, %.4f)" % tuple(w))
    print("absent runner-up (median d2 of mated probes) = %.4f" % np.median(rows[rows[:, 4] == 1, 1]))
    logit = scores(rows, w)["logistic"]
    for f in (0.1, 0.03, 0.01, 0.003, 0.001):
        print("threshold at FPIR %-6g = %.4f" % (f, dir_at_fpir(logit, rows, f)[1]))
    print_table(rows, w)


def templates(out, cache, half):
    vectors = load_cache(cache)
    tree = os.path.join(out, half)
    gallery, mated, non_mated = protocol(tree, vectors, enrolled_photos=2)
    print("%s half, 2 photos enrolled per person with 3+: gallery %d faces, mated %d, non-mated %d" % (
        half, len(gallery), len(mated), len(non_mated)))
    for label, use_templates in (("nearest face of the subject", False), ("mean template", True)):
        rows = features(gallery, mated, non_mated, use_templates)
        print("%s: rank-1 %.2f%%" % (label, 100 * np.mean(rows[rows[:, 4] == 1, 3])))
        print_table(rows)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "split":
        split(sys.argv[2], sys.argv[3])
    elif command == "fit":
        fit(sys.argv[2], sys.argv[3])
    elif command == "templates":
        templates(sys.argv[2], sys.argv[3], sys.argv[4] if len(sys.argv) > 4 else "tune")
    else:
        sys.exit(__doc__)
