#!/usr/bin/env python3
"""Independent check of `jobfx progression` on the demo measurement file (issue #16).

Computes the figures of docs/definitions.md#progression from fixtures/progression/bip-long.csv
with pandas-free Python and scipy's t quantile, without any code of jobfx, and prints them as
JSON; test/unit/progression-demo.test.ts holds the values it printed. Run:

    python3 scripts/check-progression.py [--period 2024H1] [--courses fixtures/demo/demo-export.csv]

With --courses, courses are joined on CPR number and start date (the long file gives Startdato)
and the first table is split by unit (Værksted).
"""
import argparse
import csv
import json
import math
from collections import defaultdict
from datetime import date

from scipy.stats import t as student_t

SLOTS = {"baseline": 1, "midtvejs": 2, "slut": 3, "1": 1, "2": 2, "3": 3}
EPS = 1e-9


def day(s):
    d, m, y = s.split("-")
    return date(int(y), int(m), int(d)).toordinal()


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f, delimiter=";"))


def direction(change, t):
    return "up" if change >= t - EPS else "down" if change <= -t + EPS else "same"


def mean_ci(values):
    n = len(values)
    if n == 0:
        return None, None, None
    m = math.fsum(values) / n
    if n < 2:
        return m, None, None
    sd = math.sqrt(math.fsum((v - m) ** 2 for v in values) / (n - 1))
    half = student_t.ppf(0.975, n - 1) * sd / math.sqrt(n)
    return m, m - half, m + half


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", default="fixtures/progression/bip-long.csv")
    ap.add_argument("--courses")
    ap.add_argument("--period")
    ap.add_argument("--threshold", type=float)
    a = ap.parse_args()

    rows = read(a.file)
    rejected = 0
    kept = []
    for r in rows:
        lo, hi = (int(x) for x in r["Skala"].split("-"))
        score = float(r["Score"])
        if score < lo or score > hi:
            rejected += 1
            continue
        kept.append(dict(cpr=r["CPR-nr."], slot=SLOTS[r["Måling"].lower()], day=day(r["Dato"]),
                         ind=r["Indikator"], score=score, lo=lo, hi=hi,
                         start=day(r["Startdato"]), end=day(r["Slutdato"]) if r["Slutdato"] else None))
    # Duplicates: same person, course, day, indicator.
    groups = defaultdict(list)
    for i, m in enumerate(kept):
        groups[(m["cpr"], m["start"], m["day"], m["ind"])].append(i)
    drop = set()
    for g in groups.values():
        if len(g) > 1:
            if len({kept[i]["score"] for i in g}) == 1:
                drop.update(g[1:])
            else:
                drop.update(g)
    rejected += len(drop)
    ms = [m for i, m in enumerate(kept) if i not in drop]

    unit = {}
    if a.courses:
        for c in read(a.courses):
            unit[(c["CPR-nr."], day(c["Startdato"]))] = c["Værksted"]

    courses = defaultdict(list)
    for m in ms:
        courses[(m["cpr"], m["start"])].append(m)

    period = None
    if a.period:
        y, h = a.period.split("H")
        period = (date(int(y), 1 if h == "1" else 7, 1).toordinal(),
                  date(int(y), 6 if h == "1" else 12, 30 if h == "1" else 31).toordinal())

    tally = defaultdict(lambda: dict(n=0, up=0, same=0, down=0, baselineOnly=0, noBaseline=0))
    per_ind = defaultdict(lambda: dict(up=0, same=0, down=0, changes=[]))
    at = defaultdict(lambda: [[], [], []])
    timely = {k: dict(due=0, onTime=0, outside=0, missing=0) for k in ("baseline", "midway", "last")}
    info = []
    for key, lst in courses.items():
        start, end = key[1], lst[0]["end"]
        newest = max(m["day"] for m in lst)
        if period and not (period[0] <= (end if end is not None else newest) <= period[1]):
            continue
        info.append((key, lst, start, end, newest))
    as_of = max(max(n, s, e or 0) for _k, _l, s, e, n in info)

    for key, lst, start, end, newest in info:
        by_slot = defaultdict(dict)
        days = {}
        for m in lst:
            by_slot[m["slot"]][m["ind"]] = m
            days[m["slot"]] = m["day"]
        group = unit.get(key) if a.courses else None
        base = by_slot.get(1)
        later = [s for s in by_slot if s > 1]
        last_slot = max(later) if later else None
        last = by_slot.get(last_slot) if last_slot else None
        mid = by_slot.get(2)
        norm = lambda m: (m["score"] - m["lo"]) / (m["hi"] - m["lo"])
        for k, occ in enumerate((base, mid, last)):
            for ind, m in (occ or {}).items():
                at[ind][k].append(norm(m))
        for g in ([group, "total"] if a.courses else ["total"]):
            t_ = tally[g]
            if base is None:
                t_["noBaseline"] += 1
            elif last is None:
                t_["baselineOnly"] += 1
        if base is not None and last is not None:
            common = sorted(set(base) & set(last))
            cb = [norm(base[i]) for i in common]
            cl = [norm(last[i]) for i in common]
            change = sum(cl) / len(cl) - sum(cb) / len(cb)
            step = max(1 / min(base[i]["hi"] - base[i]["lo"], last[i]["hi"] - last[i]["lo"]) for i in common)
            d = direction(change, a.threshold if a.threshold else step)
            for g in ([group, "total"] if a.courses else ["total"]):
                tally[g]["n"] += 1
                tally[g][d] += 1
            for i in common:
                ch = norm(last[i]) - norm(base[i])
                st = 1 / max(base[i]["hi"] - base[i]["lo"], last[i]["hi"] - last[i]["lo"])
                per_ind[i][direction(ch, st)] += 1
                per_ind[i]["changes"].append(ch)
        # Timeliness (week 1 = days 0-6): baseline +-7 days, midway weeks 5-7 (days 28-48), last +-14 of end.
        def check(x, occ_day, ok):
            x["due"] += 1
            if occ_day is None:
                x["missing"] += 1
            elif ok(occ_day):
                x["onTime"] += 1
            else:
                x["outside"] += 1
        check(timely["baseline"], days.get(1) if base else None, lambda d: abs(d - start) <= 7)
        if (end if end is not None else as_of) >= start + 48:
            check(timely["midway"], days.get(2) if mid else None, lambda d: 28 <= d - start <= 48)
        if end is not None:
            check(timely["last"], days.get(last_slot) if last else None, lambda d: abs(d - end) <= 14)

    out = dict(rejectedRows=rejected, courses=len(info), tally=tally, indicators={}, timeliness=timely)
    for ind in sorted(set(per_ind) | set(at)):
        p = per_ind[ind]
        mean, low, high = mean_ci(p["changes"])
        out["indicators"][ind] = dict(
            n=len(p["changes"]), up=p["up"], same=p["same"], down=p["down"], mean=mean, low=low, high=high,
            at=[dict(n=len(v), mean=(math.fsum(v) / len(v) if v else None)) for v in at[ind]])
    print(json.dumps(out, indent=1, ensure_ascii=False, default=dict))


if __name__ == "__main__":
    main()
