#!/usr/bin/python3
"""Deterministic generator of synthetic job-centre course exports (fixtures).

Run from the repository root with the system Python (stdlib + openpyxl only):

    /usr/bin/python3 scripts/make-demo.py            # demo + big
    /usr/bin/python3 scripts/make-demo.py --only demo
    /usr/bin/python3 scripts/make-demo.py --only big  # needs soffice (LibreOffice)

Writes
  fixtures/demo/demo-export.csv   Momentum-style CSV (";", UTF-8 BOM, CRLF, no title rows)
  fixtures/demo/demo-export.xlsx  same courses, openpyxl workbook with title rows + totals row
  fixtures/demo/expected.json     figures computed here, independently of jobfx
  fixtures/big/lo-1000.xlsx       1,000 courses, flat ODS converted to xlsx by LibreOffice
  fixtures/big/expected.json

All CPR numbers are fictitious: the sequence number is chosen so that the number FAILS
the modulus-11 check, and no birth date is 1 January. Fixed seeds: reruns give the same
data; document dates are fixed and zip entry timestamps are pinned in place, so the xlsx files
are byte-identical on reruns too (with the same openpyxl / LibreOffice versions).
"""

import argparse
import csv
import datetime as dt
import io
import json
import os
import random
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

import openpyxl
from openpyxl.styles import Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

COLUMNS = [
    "CPR-nr.",
    "Tilbud",
    "Værksted",
    "Målgruppe",
    "Højest fuldførte uddannelse",
    "Startdato",
    "Slutdato",
    "Afslutningsårsag",
    "Forsøgsgruppe",
    "Status 1 md",
    "Status 3 mdr",
    "Status 6 mdr",
    "Status 12 mdr",
]
# The contract's columns (issue #15), demo only: drawn after everything else from a separate RNG
# (seed + CONTRACT_SEED_OFFSET), so that every earlier column stays byte-identical.
CONTRACT_COLUMNS = [
    "Leverandør",
    "Visitationsdato",
    "Planlagt slutdato",
    "Resultatmål",
    "Resultatmål nået",
    "Branche",
    "Timer pr. uge",
    "Årsag til afbrydelse",
    "Samtykke",
]
CONTRACT_SEED_OFFSET = 15
# Providers: weights per target group (case mix), and the built-in difference in job exits: a
# course that ended to job has its provider's weight multiplied by JOB_FACTOR (documented in
# fixtures/README.md), so Jobhuset has more job exits than its case mix explains, Aktiv Vest fewer.
PROVIDERS = ["Jobhuset", "Kompetencecentret", "Vejen til Job", "Aktiv Vest"]
PROVIDER_WEIGHTS = {
    "Jobparat kontanthjælpsmodtager": [40, 15, 20, 25],
    "Åbenlyst uddannelsesparat": [15, 50, 10, 25],
    "Forsikret ledig": [25, 10, 40, 25],
    "Ukendt målgruppe X": [25, 25, 25, 25],
}
JOB_FACTOR = [1.6, 1.0, 1.0, 0.6]
GOALS = {
    "Jobparat kontanthjælpsmodtager": [("Job", 70), ("Afklaring", 20), ("Øget mestring", 10)],
    "Åbenlyst uddannelsesparat": [("Uddannelse", 65), ("Job", 25), ("Øget mestring", 10)],
    "Forsikret ledig": [("Job", 90), ("Uddannelse", 10)],
    "Ukendt målgruppe X": [("Job", 100)],
}
INDUSTRIES = [
    ("Rengøring", 22), ("Bygge og anlæg", 18), ("Handel", 16), ("Transport", 12),
    ("Industri", 10), ("Hotel og restauration", 12), ("Social og sundhed", 10),
]
DROPOUT_TEXTS = ["Mødte ikke op", "Flyttet fra kommunen", "Sygdom", "Ønskede ikke at deltage",
                 "Startet i andet tilbud", "Ikke motiveret"]
HORIZONS = [(1, "Status 1 md"), (3, "Status 3 mdr"), (6, "Status 6 mdr"), (12, "Status 12 mdr")]

TILBUD = [("Straksaktivering", 90), ("Nytteindsats", 10)]
VAERKSTED = [("Malerværksted", 25), ("Park & vej", 30), ("Rengøring", 25), ("Skoler og dagtilbud", 20)]
MG_KONT = "Jobparat kontanthjælpsmodtager"
MG_UDD = "Åbenlyst uddannelsesparat"
MG_FORS = "Forsikret ledig"
MAALGRUPPE = [(MG_KONT, 45), (MG_UDD, 30), (MG_FORS, 25)]
UNKNOWN_MAALGRUPPE = "Ukendt målgruppe X"
EDU_ALL = [
    ("Grundskole", 34),
    ("Gymnasial uddannelse", 12),
    ("Erhvervsfaglig uddannelse", 28),
    ("Kort videregående uddannelse", 6),
    ("Mellemlang videregående uddannelse", 8),
    ("Lang videregående uddannelse", 4),
    ("Uoplyst", 8),
]
# "Åbenlyst uddannelsesparat": under 30 without a vocational education
EDU_UDD = [("Grundskole", 70), ("Gymnasial uddannelse", 24), ("Uoplyst", 6)]

# raw exit reason, weight (per mille), exit group (only used to colour the follow-up status)
EXIT_REASONS = [
    ("Ordinært job", 110, "job"),
    ("Ordinært arbejde/ selvstændig", 60, "job"),
    ("Afsluttet til job", 50, "job"),
    ("Job", 40, "job"),
    ("Fleksjob", 40, "job"),
    ("Uddannelse", 70, "education"),
    ("Påbegyndt uddannelse", 50, "education"),
    ("Overgået til jobcenter", 160, "jobcentre"),
    ("Anden indsats", 90, "jobcentre"),
    ("Afbrudt", 55, "dropout"),
    ("Udeblevet", 45, "dropout"),
    ("Virksomhedspraktik", 50, "activity"),
    ("Løntilskud", 40, "activity"),
    ("Sygedagpenge", 40, "benefit"),
    ("A-dagpenge", 30, "benefit"),
    ("Flyttet", 20, "other"),
    ("Barsel", 20, "other"),
    ("Uoplyst", 30, "unknown"),
]
UNKNOWN_EXIT = "Stoppet af andre årsager"

STATUSES = ["Job", "Uddannelse", "Ledig", "Selvforsørget", "Andet"]
STATUS_WEIGHTS = {
    "job": [62, 3, 22, 8, 5],
    "education": [14, 58, 18, 5, 5],
    "activity": [35, 5, 47, 6, 7],
    "jobcentre": [20, 8, 60, 5, 7],
    "benefit": [12, 3, 70, 5, 10],
    "dropout": [12, 5, 68, 7, 8],
    "other": [15, 5, 40, 15, 25],
    "unknown": [20, 8, 50, 10, 12],
}
FORSOEG = ["Indsats", "Kontrol"]

MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1]

DEMO = dict(
    name="demo",
    seed=20260131,
    n_single=272,
    n_double=56,
    n_triple=12,  # 340 persons, 420 courses
    start_min=dt.date(2024, 1, 2),
    start_max=dt.date(2025, 12, 30),
    extraction=dt.date(2026, 1, 31),
    ongoing_from=dt.date(2025, 11, 15),  # every course started from here on is still ongoing
    old_ongoing_p=0.015,  # a few older courses were never closed
    cpr_nodash_p=0.05,
    cpr_number_p=0.05,
    contract=True,
)
BIG = dict(
    name="big",
    seed=1000,
    n_single=672,
    n_double=128,
    n_triple=24,  # 824 persons, 1,000 courses
    start_min=dt.date(2022, 1, 3),
    start_max=dt.date(2025, 12, 30),
    extraction=dt.date(2026, 1, 31),
    ongoing_from=dt.date(2025, 11, 15),
    old_ongoing_p=0.01,
    cpr_nodash_p=0.05,
    cpr_number_p=0.03,
)

FIXED_DOC_TIME = dt.datetime(2026, 1, 31, 8, 0, 0)


# ---------------------------------------------------------------- helpers

def wchoice(rng, pairs):
    values = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return rng.choices(values, weights=weights)[0]


def add_months(d, n):
    """Calendar months; the day is clamped to the month's last day (31-01 + 1 = 28/29-02)."""
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def age_at(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def dmy(d):
    return d.strftime("%d-%m-%Y") if d else ""


def iso(d):
    return d.isoformat() if d else None


def mod11_sum(digits):
    return sum(int(c) * w for c, w in zip(digits, MOD11_WEIGHTS))


def cpr_birth_date(cpr10):
    """Birth date from a normalised 10-digit CPR (century rule: docs/definitions.md#cpr-numbers)."""
    dd, mm, yy, d7 = int(cpr10[0:2]), int(cpr10[2:4]), int(cpr10[4:6]), int(cpr10[6])
    if d7 <= 3:
        century = 1900
    elif d7 in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:
        century = 2000 if yy <= 57 else 1800
    return dt.date(century + yy, mm, dd)


def normalise_cpr(raw):
    """As a reader should: drop the dash, pad a number that lost its leading zero."""
    if isinstance(raw, float):
        raw = int(raw)
    s = str(raw).strip().replace("-", "")
    return s.zfill(10)


# ---------------------------------------------------------------- generation

def make_cpr(rng, birth, male, used):
    ddmmyy = birth.strftime("%d%m%y")
    for _ in range(1000):
        d7 = 4 if birth.year >= 2000 else rng.randint(0, 3)
        d89 = "%02d" % rng.randint(0, 99)
        d10 = rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8])
        cpr = "%s%d%s%d" % (ddmmyy, d7, d89, d10)
        if mod11_sum(cpr) % 11 != 0 and cpr not in used:
            assert cpr_birth_date(cpr) == birth
            used.add(cpr)
            return cpr
    raise RuntimeError("no CPR for %s" % birth)


def draw_duration(rng, max_days=275):
    """Duration in days (end - start + 1)."""
    u = rng.random()
    if u < 0.012:
        return 1  # same-day course
    if u < 0.17:
        return rng.randint(2, 14)
    if u < 0.67:
        return rng.randint(15, 90)
    if u < 0.94:
        return rng.randint(91, 180)
    return rng.randint(181, max_days)


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def weekday(d, hi):
    """Courses start on weekdays: move a Saturday/Sunday start to the Monday (if <= hi)."""
    if d.weekday() >= 5:
        monday = d + dt.timedelta(days=7 - d.weekday())
        if monday <= hi:
            return monday
    return d


def make_course(rng, cfg, start, forced_duration=None, must_end=False):
    dur = forced_duration or draw_duration(rng)
    end = start + dt.timedelta(days=dur - 1)
    ongoing = False
    if not must_end:
        if start >= cfg["ongoing_from"] or end > cfg["extraction"]:
            ongoing = True
        elif rng.random() < cfg["old_ongoing_p"]:
            ongoing = True
    elif end > cfg["extraction"] or start >= cfg["ongoing_from"]:
        return None
    return {"start": start, "end": None if ongoing else end, "planned_end": end}


def next_course(rng, cfg, prev, kind):
    """A later course of the same person. kind: overlap | within | after | gap1 | gap365 | gap366 | sameday."""
    smax = cfg["start_max"]
    if kind == "overlap":
        lo = prev["start"] + dt.timedelta(days=1)
        hi = min(prev["end"] or cfg["extraction"], smax)
        if hi < lo:
            return None
        return make_course(rng, cfg, weekday(rand_date(rng, lo, hi), hi))
    if prev["end"] is None:
        return None
    gaps = {
        "within": lambda: rng.randint(2, 363),
        "after": lambda: rng.randint(366, 700),
        "gap1": lambda: 1,  # starts the day after: end1 < start2, no gap
        "gap365": lambda: 365,  # exactly at the edge of the 365-day window (a return)
        "gap366": lambda: 366,  # one day outside the window (not a return)
        "sameday": lambda: 0,  # starts on the day the earlier one ended (not a return)
    }
    start = prev["end"] + dt.timedelta(days=gaps[kind]())
    if kind in ("within", "after"):
        start = weekday(start, smax)
    if start > smax:
        return None
    return make_course(rng, cfg, start)


def generate(cfg):
    rng = random.Random(cfg["seed"])
    counts = [1] * cfg["n_single"] + [2] * cfg["n_double"] + [3] * cfg["n_triple"]
    rng.shuffle(counts)
    genders = [i % 2 == 0 for i in range(len(counts))]  # half men, half women
    rng.shuffle(genders)
    # target group per person in the exact proportions 45/30/25
    target_groups = []
    for value, pct in MAALGRUPPE:
        target_groups += [value] * round(len(counts) * pct / 100)
    target_groups = (target_groups + [MAALGRUPPE[0][0]] * len(counts))[: len(counts)]
    rng.shuffle(target_groups)
    smin, smax = cfg["start_min"], cfg["start_max"]
    span = (smax - smin).days
    # edge cases for the repeat-user definition, given to the first multi-course persons
    edge_kinds = ["gap1", "gap365", "gap366", "sameday"]
    anchors = [smin, smax]  # first and last start date are exactly the range ends
    used_cpr = set()
    persons = []
    courses = []
    for pid, k in enumerate(counts):
        # ---- courses
        while True:
            if k == 1 and anchors:
                first_start = anchors.pop(0)
            else:
                # intake grows a little over time (triangular-ish skew towards later dates)
                frac = max(rng.random(), rng.random()) if rng.random() < 0.35 else rng.random()
                if k > 1:
                    frac *= 0.75
                first_start = weekday(smin + dt.timedelta(days=int(frac * span)), smax)
            edge = None
            if k > 1 and edge_kinds:
                edge = edge_kinds[0]
            first = make_course(rng, cfg, first_start, must_end=bool(edge))
            if first is None:
                continue
            pc = [first]
            ok = True
            for j in range(1, k):
                if j == 1 and edge:
                    kind = edge
                else:
                    kind = rng.choices(["overlap", "within", "after"], weights=[20, 50, 30])[0]
                c = None
                for attempt in range(30):
                    c = next_course(rng, cfg, pc[-1], kind)
                    if c is not None:
                        break
                    if not (j == 1 and edge):
                        kind = rng.choices(["overlap", "within", "after"], weights=[20, 50, 30])[0]
                if c is None:
                    ok = False
                    break
                pc.append(c)
            if ok:
                if edge:
                    edge_kinds.pop(0)
                break
        # ---- person
        male = genders[pid]
        mg = target_groups[pid]
        edu = wchoice(rng, EDU_UDD if mg == MG_UDD else EDU_ALL)
        first_start = min(c["start"] for c in pc)
        last_start = max(c["start"] for c in pc)
        for _ in range(1000):
            if mg == MG_UDD:
                age = rng.randint(18, 28)
            elif mg == MG_FORS:
                age = rng.randint(23, 63)
            else:
                age = rng.choice([rng.randint(18, 64), rng.randint(25, 55)])
            birth = first_start - dt.timedelta(days=int(age * 365.25) + rng.randint(0, 364))
            if not (1960 <= birth.year <= 2006) or (birth.month, birth.day) == (1, 1):
                continue
            if age_at(birth, first_start) < 18 or age_at(birth, last_start) > 64:
                continue
            if mg == MG_UDD and age_at(birth, last_start) >= 30:
                continue
            break
        else:
            raise RuntimeError("no birth date")
        cpr = make_cpr(rng, birth, male, used_cpr)
        group = rng.choice(FORSOEG)  # randomised per person, so all of a person's courses agree
        persons.append({"cpr": cpr, "birth": birth, "male": male})
        for c in pc:
            c.update(pid=pid, cpr=cpr, birth=birth, male=male, maalgruppe=mg, edu=edu, group=group)
            c["tilbud"] = wchoice(rng, TILBUD)
            c["vaerksted"] = wchoice(rng, VAERKSTED)
            courses.append(c)

    # ---- exit reasons and follow-up (in generation order, before sorting)
    for c in courses:
        c["reason"] = ""
        c["egroup"] = None
        if c["end"] is not None:
            r = rng.choices(EXIT_REASONS, weights=[x[1] for x in EXIT_REASONS])[0]
            c["reason"], c["egroup"] = r[0], r[2]
    ended_idx = [i for i, c in enumerate(courses) if c["end"] is not None]
    picks = rng.sample(ended_idx, 6)
    for i in picks[:3]:  # ended without a reason
        courses[i]["reason"], courses[i]["egroup"] = "", "unknown"
    courses[picks[3]]["reason"], courses[picks[3]]["egroup"] = UNKNOWN_EXIT, "other"
    for i in picks[4:6]:  # target group value outside the vocabulary
        courses[i]["maalgruppe"] = UNKNOWN_MAALGRUPPE

    for c in courses:
        prev = None
        for n, col in HORIZONS:
            c[col] = ""
            if c["end"] is None or add_months(c["end"], n) > cfg["extraction"]:
                continue
            if prev is not None and rng.random() < 0.7:
                status = prev
            else:
                status = rng.choices(STATUSES, weights=STATUS_WEIGHTS[c["egroup"]])[0]
            prev = status
            c[col] = "" if rng.random() < 0.10 else status  # unrecorded

    # ---- how the CPR number is written
    nodash = set(rng.sample(range(len(courses)), round(cfg["cpr_nodash_p"] * len(courses))))
    number = set(rng.sample(range(len(courses)), round(cfg["cpr_number_p"] * len(courses))))
    for i, c in enumerate(courses):
        c["cpr_nodash"] = i in nodash
        c["cpr_number"] = i in number
    # make sure the leading-zero quirk is present: at least 3 number-stored CPRs with day 01-09
    lz = [c for c in courses if c["cpr_number"] and c["cpr"][0] == "0"]
    cand = [c for c in courses if not c["cpr_number"] and c["cpr"][0] == "0"]
    for c in rng.sample(cand, max(0, 3 - len(lz))):
        c["cpr_number"] = True

    courses.sort(key=lambda c: c["start"])  # stable: ties keep generation order
    if cfg.get("contract"):
        add_contract(random.Random(cfg["seed"] + CONTRACT_SEED_OFFSET), courses)
    return courses


def add_contract(rng, courses):
    """The contract's columns, in row order, from their own RNG (see CONTRACT_COLUMNS)."""
    for c in courses:
        job = c["egroup"] == "job"
        w = PROVIDER_WEIGHTS[c["maalgruppe"]]
        w = [x * (f if job else 1.0) for x, f in zip(w, JOB_FACTOR)]
        v = {"Leverandør": rng.choices(PROVIDERS, weights=w)[0]}
        u = rng.random()  # straksaktivering: most start within a week of the visitation
        lag = 0 if u < 0.35 else rng.randint(1, 7) if u < 0.85 else rng.randint(8, 30)
        v["Visitationsdato"] = c["start"] - dt.timedelta(days=lag)
        weeks = rng.choice([8, 13, 13, 13, 13, 26])
        v["Planlagt slutdato"] = "" if rng.random() < 0.08 else c["start"] + dt.timedelta(days=7 * weeks - 1)
        goal = wchoice(rng, GOALS[c["maalgruppe"]])
        v["Resultatmål"] = goal
        reached = ""
        if c["end"] is not None and rng.random() >= 0.03:
            hit = {"Job": c["egroup"] == "job", "Uddannelse": c["egroup"] == "education"}.get(
                goal, rng.random() < 0.55)
            if rng.random() < 0.05:
                hit = not hit
            reached = "Ja" if hit else "Nej"
        v["Resultatmål nået"] = reached
        v["Branche"] = ""
        v["Timer pr. uge"] = ""
        if job:
            v["Branche"] = "" if rng.random() < 0.05 else wchoice(rng, INDUSTRIES)
            if rng.random() >= 0.04:
                if c["reason"] == "Fleksjob":
                    h = rng.randint(8, 25)
                else:
                    h = rng.choice([37, 37, 37, rng.randint(15, 30), rng.randint(4, 9)])
                v["Timer pr. uge"] = "%d,5" % h if rng.random() < 0.1 else str(h)
        v["Årsag til afbrydelse"] = ""
        if c["egroup"] == "dropout" and rng.random() >= 0.15:
            v["Årsag til afbrydelse"] = rng.choice(DROPOUT_TEXTS)
        u = rng.random()
        v["Samtykke"] = "Ja" if u < 0.92 else "Nej" if u < 0.98 else ""
        c["contract"] = v


def cpr_text(c):
    return c["cpr"] if c["cpr_nodash"] else c["cpr"][:6] + "-" + c["cpr"][6:]


def cpr_cell(c):
    """Value for a workbook cell: an int for the number-stored ones (loses a leading zero)."""
    return int(c["cpr"]) if c["cpr_number"] else cpr_text(c)


def columns_of(courses):
    return COLUMNS + (CONTRACT_COLUMNS if courses and "contract" in courses[0] else [])


def row_values(c):
    contract = [c["contract"][k] for k in CONTRACT_COLUMNS] if "contract" in c else []
    return [
        cpr_text(c),
        c["tilbud"],
        c["vaerksted"],
        c["maalgruppe"],
        c["edu"],
        c["start"],
        c["end"],
        c["reason"],
        c["group"],
    ] + [c[col] for _, col in HORIZONS] + contract


# ---------------------------------------------------------------- expected figures

def counts(values):
    out = {}
    for v in values:
        out[v] = out.get(v, 0) + 1
    return dict(sorted(out.items()))


def quartiles(values):
    """R type 7 (statistics 'inclusive' method), rounded to 4 decimals for JSON."""
    if len(values) < 2:
        return None
    q1, med, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return {
        "n": len(values),
        "mean": round(statistics.fmean(values), 4),
        "q1": round(q1, 4),
        "median": round(med, 4),
        "q3": round(q3, 4),
        "min": min(values),
        "max": max(values),
    }


def expected(cfg, courses, files, layout):
    ext = cfg["extraction"]
    ended = [c for c in courses if c["end"] is not None]
    ongoing = [c for c in courses if c["end"] is None]
    by_person = {}
    for c in courses:
        by_person.setdefault(normalise_cpr(c["cpr"]), []).append(c)
    person_info = {}
    for cpr in by_person:
        person_info[cpr] = (cpr_birth_date(cpr), "M" if int(cpr[9]) % 2 else "K")
    returning = 0
    for cpr, pcs in by_person.items():
        if any(
            a["end"] is not None and a["end"] < b["start"] <= a["end"] + dt.timedelta(days=365)
            for a in pcs
            for b in pcs
            if a is not b
        ):
            returning += 1
    follow = {}
    for n, col in HORIZONS:
        due = [c for c in ended if add_months(c["end"], n) <= ext]
        follow[col] = {
            "due": len(due),
            "not_yet_due": len(ended) - len(due),
            "recorded": sum(1 for c in due if c[col]),
            "unrecorded": sum(1 for c in due if not c[col]),
            "values": counts(c[col] for c in due if c[col]),
        }
    first = []
    for c in courses[:3]:
        cpr = normalise_cpr(c["cpr"])
        b, g = person_info[cpr]
        first.append({"birth_date": iso(b), "gender": g, "start": iso(c["start"]), "end": iso(c["end"])})
    ended_days = [(c["end"] - c["start"]).days + 1 for c in ended]
    ongoing_days = [(ext - c["start"]).days + 1 for c in ongoing]
    return {
        "_note": "Computed by scripts/make-demo.py from the generated records, independently of jobfx. "
        "Persons are distinct normalised 10-digit CPR numbers (dash removed, zero-padded); "
        "no CPR number is stored here. Gender: M = man (last digit odd), K = woman.",
        "files": files,
        "seed": cfg["seed"],
        "extraction_date": iso(ext),
        "layout": layout,
        "rows": len(courses),
        "persons": len(by_person),
        "persons_with_2plus_courses": sum(1 for v in by_person.values() if len(v) >= 2),
        "courses_ended": len(ended),
        "courses_ongoing": len(ongoing),
        "start_min": iso(min(c["start"] for c in courses)),
        "start_max": iso(max(c["start"] for c in courses)),
        "end_min": iso(min(c["end"] for c in ended)),
        "end_max": iso(max(c["end"] for c in ended)),
        "exit_reason_counts": counts(c["reason"] for c in courses),
        "exit_reason_counts_ended": counts(c["reason"] for c in ended),
        "target_group_counts": counts(c["maalgruppe"] for c in courses),
        "workshop_counts": counts(c["vaerksted"] for c in courses),
        "programme_counts": counts(c["tilbud"] for c in courses),
        "education_counts": counts(c["edu"] for c in courses),
        "trial_group_counts": counts(c["group"] for c in courses),
        "persons_men": sum(1 for b, g in person_info.values() if g == "M"),
        "persons_women": sum(1 for b, g in person_info.values() if g == "K"),
        "first_rows": first,
        "same_day_courses": sum(1 for d in ended_days if d == 1),
        "duration_days_ended": quartiles(ended_days),
        "duration_days_ongoing_at_extraction": quartiles(ongoing_days),
        "persons_returning_within_365_days_any_time": returning,
        "follow_up_at_extraction_date": follow,
        **(contract_expected(courses) if courses and "contract" in courses[0] else {}),
    }


def contract_expected(courses):
    """The contract's figures for 2025H2 (as-of 31-12-2025), by docs/definitions.md#the-contracts-fields."""
    lo, hi = dt.date(2025, 7, 1), dt.date(2025, 12, 31)
    cv = lambda c, k: c["contract"][k]
    active = [c for c in courses if c["start"] <= hi and (c["end"] is None or c["end"] >= lo)]
    ended = [c for c in courses if c["end"] is not None and lo <= c["end"] <= hi]
    planned = [c for c in active if cv(c, "Planlagt slutdato") != ""]
    ext = []
    for c in planned:
        ref = c["end"] if c["end"] is not None and c["end"] <= hi else hi
        if ref > cv(c, "Planlagt slutdato"):
            ext.append((ref - cv(c, "Planlagt slutdato")).days / 7)
    goal = [c for c in ended if cv(c, "Resultatmål") != ""]
    jobs = [c for c in ended if c["egroup"] == "job"]
    hours = [float(cv(c, "Timer pr. uge").replace(",", ".")) for c in jobs if cv(c, "Timer pr. uge") != ""]
    bands = [sum(1 for h in hours if a <= h < b) for a, b in [(0, 10), (10, 20), (20, 30), (30, 1e9)]]
    visited = [c for c in courses if lo <= cv(c, "Visitationsdato") <= hi]
    days = [(c["start"] - cv(c, "Visitationsdato")).days for c in visited]
    return {
        "provider_counts": counts(cv(c, "Leverandør") for c in courses),
        "provider_job_exits": counts(cv(c, "Leverandør") for c in courses if c["egroup"] == "job"),
        "provider_ended": counts(cv(c, "Leverandør") for c in courses if c["end"] is not None),
        "consent_counts": counts(cv(c, "Samtykke") for c in courses),
        "contract_2025H2": {
            "extension": {"courses": len(planned), "extended": len(ext), "without_planned_end": len(active) - len(planned),
                          "median_weeks": round(statistics.median(ext), 4) if ext else None},
            "goal": {"courses": len(goal), "reached": sum(1 for c in goal if cv(c, "Resultatmål nået") == "Ja"),
                     "not_reached": sum(1 for c in goal if cv(c, "Resultatmål nået") == "Nej")},
            "jobs": {"courses": len(jobs), "industry": counts(cv(c, "Branche") for c in jobs),
                     "hours_bands": bands + [len(jobs) - len(hours)],
                     "median_hours": statistics.median(hours) if hours else None},
            "funnel": {"visited": len(visited), "started": len(visited),
                       "ended_by_as_of": sum(1 for c in visited if c["end"] is not None and c["end"] <= hi),
                       "not_started": 0, "median_days_to_start": statistics.median(days) if days else None},
        },
    }


# ---------------------------------------------------------------- writers

def write_csv(path, courses):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    w.writerow(columns_of(courses))
    for c in courses:
        w.writerow([dmy(v) if isinstance(v, dt.date) or (v is None) else v for v in row_values(c)])
    with open(path, "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def pin_zip_times(path):
    """Overwrite the DOS date/time of every zip entry in place (local and central headers)
    with FIXED_DOC_TIME, so reruns give identical bytes. Nothing else in the file changes:
    the LibreOffice container (data descriptors, flags, compression) stays as LibreOffice wrote it."""
    t = FIXED_DOC_TIME
    dos_time = (t.hour << 11) | (t.minute << 5) | (t.second // 2)
    dos_date = ((t.year - 1980) << 9) | (t.month << 5) | t.day
    data = bytearray(open(path, "rb").read())
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
    for info in infos:
        assert not info.extra, "extra fields (e.g. extended timestamps) not handled: %s" % info.filename
        off = info.header_offset
        assert data[off:off + 4] == b"PK\x03\x04"
        struct.pack_into("<HH", data, off + 10, dos_time, dos_date)
    eocd = data.rfind(b"PK\x05\x06")
    n_entries, _, cd_offset = struct.unpack_from("<HII", data, eocd + 10)
    off = cd_offset
    for _ in range(n_entries):
        assert data[off:off + 4] == b"PK\x01\x02"
        struct.pack_into("<HH", data, off + 12, dos_time, dos_date)
        n, e, c = struct.unpack_from("<HHH", data, off + 28)
        off += 46 + n + e + c
    with open(path, "wb") as f:
        f.write(data)
    with zipfile.ZipFile(path) as z:  # still a valid zip
        assert z.testzip() is None


def write_demo_xlsx(path, courses, cfg):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Forløb"
    ws["A1"] = "Udtræk fra Momentum – Straksaktivering, Center for Job"
    ws["A1"].font = Font(bold=True, size=13)
    ws.merge_cells("A1:F1")
    ws["A2"] = "Udtrukket pr. %s" % dmy(cfg["extraction"])
    header_row = 4
    for j, name in enumerate(columns_of(courses), start=1):
        cell = ws.cell(row=header_row, column=j, value=name)
        cell.font = Font(bold=True)
    r = header_row
    for c in courses:
        r += 1
        vals = row_values(c)
        vals[0] = cpr_cell(c)
        for j, v in enumerate(vals, start=1):
            if v is None or v == "":
                continue
            cell = ws.cell(row=r, column=j, value=v)
            if isinstance(v, dt.date):
                cell.number_format = "dd-mm-yyyy"
    total_row = r + 1
    ws.cell(row=total_row, column=1, value="I alt").font = Font(bold=True)
    ws.cell(row=total_row, column=2, value=len(courses)).font = Font(bold=True)
    widths = [14, 18, 20, 32, 36, 12, 12, 30, 14, 13, 13, 13, 13, 18, 14, 14, 14, 12, 22, 10, 26, 10]
    for j, wdt in enumerate(widths, start=1):
        ws.column_dimensions[openpyxl.utils.get_column_letter(j)].width = wdt
    ws.freeze_panes = "A5"
    notes = wb.create_sheet("Noter")
    notes["A1"] = (
        "Syntetiske testdata lavet af scripts/make-demo.py. Alle CPR-numre er fiktive "
        "(fejler modulus 11-kontrollen, ingen fødselsdato 1. januar)."
    )
    notes.column_dimensions["A"].width = 120
    wb.properties.creator = "jobfx scripts/make-demo.py"
    wb.properties.title = "Udtræk fra Momentum – Straksaktivering"
    wb.properties.created = FIXED_DOC_TIME
    wb.properties.modified = FIXED_DOC_TIME
    wb.properties.lastModifiedBy = "jobfx scripts/make-demo.py"
    wb.save(path)
    pin_zip_times(path)
    return {
        "sheet": "Forløb",
        "title_rows": [1, 2],
        "header_row": header_row,
        "first_data_row": header_row + 1,
        "last_data_row": r,
        "totals_row": total_row,
        "totals_row_values": ["I alt", len(courses)],
    }


FODS_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:meta>
  <meta:generator>jobfx scripts/make-demo.py</meta:generator>
  <meta:creation-date>2026-01-31T08:00:00</meta:creation-date>
  <dc:date>2026-01-31T08:00:00</dc:date>
  <dc:title>Syntetisk udtræk (1.000 forløb)</dc:title>
 </office:meta>
 <office:automatic-styles>
  <number:date-style style:name="N1">
   <number:day number:style="long"/><number:text>-</number:text>
   <number:month number:style="long"/><number:text>-</number:text>
   <number:year number:style="long"/>
  </number:date-style>
  <number:number-style style:name="N2"><number:number number:decimal-places="0" number:min-integer-digits="1"/></number:number-style>
  <style:style style:name="co1" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
  <style:style style:name="co2" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
  <style:style style:name="ceH" style:family="table-cell"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="ceD" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="ceN" style:family="table-cell" style:data-style-name="N2"/>
 </office:automatic-styles>
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Forløb">
    <table:table-column table:style-name="co1"/>
    <table:table-column table:style-name="co1" table:number-columns-repeated="2"/>
    <table:table-column table:style-name="co2" table:number-columns-repeated="2"/>
    <table:table-column table:style-name="co1" table:number-columns-repeated="2"/>
    <table:table-column table:style-name="co2"/>
    <table:table-column table:style-name="co1" table:number-columns-repeated="5"/>
"""
FODS_TAIL = """   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>
"""


def fods_cell(v, cpr_number=False):
    if v is None or v == "":
        return "<table:table-cell/>"
    if isinstance(v, dt.date):
        return (
            '<table:table-cell table:style-name="ceD" office:value-type="date" office:date-value="%s">'
            "<text:p>%s</text:p></table:table-cell>" % (v.isoformat(), dmy(v))
        )
    if isinstance(v, int):
        return (
            '<table:table-cell table:style-name="ceN" office:value-type="float" office:value="%d">'
            "<text:p>%d</text:p></table:table-cell>" % (v, v)
        )
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(v)


def write_lo_xlsx(path, courses):
    soffice = shutil.which("soffice")
    if not soffice:
        sys.exit("soffice (LibreOffice) not found; needed for %s" % path)
    tmp = tempfile.mkdtemp(prefix="make-demo-")
    try:
        base = os.path.splitext(os.path.basename(path))[0]
        fods = os.path.join(tmp, base + ".fods")
        parts = [FODS_HEAD, "    <table:table-row>"]
        parts += ['<table:table-cell table:style-name="ceH" office:value-type="string"><text:p>%s</text:p></table:table-cell>'
                  % escape(h) for h in COLUMNS]
        parts.append("</table:table-row>\n")
        for c in courses:
            vals = row_values(c)
            vals[0] = cpr_cell(c)
            parts.append("    <table:table-row>" + "".join(fods_cell(v) for v in vals) + "</table:table-row>\n")
        parts.append(FODS_TAIL)
        with open(fods, "w", encoding="utf-8") as f:
            f.write("".join(parts))
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        profile = os.path.join(tmp, "profile")
        env = dict(os.environ, HOME=tmp, SOURCE_DATE_EPOCH="1769846400")
        cmd = [
            soffice,
            "-env:UserInstallation=file://" + profile,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            outdir,
            fods,
        ]
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=300)
        out = os.path.join(outdir, base + ".xlsx")
        if res.returncode != 0 or not os.path.exists(out):
            sys.exit("soffice failed (%s): %s %s" % (res.returncode, res.stdout.decode(), res.stderr.decode()))
        shutil.move(out, path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    pin_zip_times(path)
    return {"sheet": "Forløb", "title_rows": [], "header_row": 1, "first_data_row": 2,
            "last_data_row": 1 + len(courses), "totals_row": None}


def write_json(path, obj):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


# ---------------------------------------------------------------- self-check

def read_back_xlsx(path, layout, columns):
    wb = openpyxl.load_workbook(path, data_only=True)
    ws = wb[layout["sheet"]]
    header = [c.value for c in ws[layout["header_row"]]][: len(columns)]
    assert header == columns, header
    rows = []
    for r in range(layout["first_data_row"], layout["last_data_row"] + 1):
        rows.append([ws.cell(row=r, column=j).value for j in range(1, len(columns) + 1)])
    return rows, ws


def check(courses, rows, kind):
    assert len(rows) == len(courses), (kind, len(rows))
    for c, row in zip(courses, rows):
        assert normalise_cpr(row[0]) == c["cpr"], (kind, row[0])
        want = row_values(c)
        columns = columns_of(courses)
        for j in range(1, len(columns)):
            got = row[j]
            if isinstance(got, dt.datetime):
                assert got.time() == dt.time(0), (kind, got)
                got = got.date()
            if got is None:
                got = "" if j not in (5, 6) else None
            w = want[j]
            if kind == "csv" and isinstance(w, dt.date):
                w = dmy(w)
            if kind == "csv" and j == 6 and w is None:
                w = ""
            assert got == w, (kind, columns[j], got, w)


def self_check(cfg, courses, csv_path=None, xlsx_path=None, layout=None, exp=None):
    for c in courses:
        cpr = c["cpr"]
        assert mod11_sum(cpr) % 11 != 0 and cpr[:4] != "0101"
        b = cpr_birth_date(cpr)
        assert 1960 <= b.year <= 2006
        assert (int(cpr[6]) <= 3) if b.year < 2000 else cpr[6] == "4"
        assert 18 <= age_at(b, c["start"]) <= 64
        assert cfg["start_min"] <= c["start"] <= cfg["start_max"]
        if c["end"] is not None:
            assert c["start"] <= c["end"] <= cfg["extraction"]
            assert (c["end"] - c["start"]).days + 1 <= 275
        else:
            assert c["reason"] == "" and all(not c[col] for _, col in HORIZONS)
        if c["start"] >= cfg["ongoing_from"]:
            assert c["end"] is None
    if csv_path:
        with open(csv_path, "rb") as f:
            raw = f.read()
        assert raw.startswith(b"\xef\xbb\xbf")
        text = raw[3:].decode("utf-8")
        assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
        assert rows[0] == columns_of(courses)
        check(courses, rows[1:], "csv")
    if xlsx_path:
        rows, ws = read_back_xlsx(xlsx_path, layout, columns_of(courses))
        check(courses, rows, "xlsx")
        if layout["totals_row"]:
            assert [ws.cell(row=layout["totals_row"], column=j).value for j in (1, 2)] == ["I alt", len(courses)]
            assert ws.max_row == layout["totals_row"], ws.max_row
        else:
            assert ws.max_row == layout["last_data_row"], ws.max_row


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", choices=["demo", "big"])
    args = ap.parse_args()

    if args.only in (None, "demo"):
        cfg = DEMO
        courses = generate(cfg)
        d = os.path.join(ROOT, "fixtures", "demo")
        os.makedirs(d, exist_ok=True)
        csv_path = os.path.join(d, "demo-export.csv")
        xlsx_path = os.path.join(d, "demo-export.xlsx")
        write_csv(csv_path, courses)
        layout = write_demo_xlsx(xlsx_path, courses, cfg)
        self_check(cfg, courses, csv_path, xlsx_path, layout)
        layout = {
            "demo-export.csv": {"header_row": 1, "first_data_row": 2, "last_data_row": 1 + len(courses),
                                "cpr_without_dash": sum(c["cpr_nodash"] for c in courses)},
            "demo-export.xlsx": dict(layout, cpr_stored_as_number=sum(c["cpr_number"] for c in courses),
                                     cpr_stored_as_number_lost_leading_zero=sum(
                                         1 for c in courses if c["cpr_number"] and c["cpr"][0] == "0")),
        }
        write_json(os.path.join(d, "expected.json"),
                   expected(cfg, courses, ["demo-export.csv", "demo-export.xlsx"], layout))
        print("demo: %d courses written to %s" % (len(courses), d))

    if args.only in (None, "big"):
        cfg = BIG
        courses = generate(cfg)
        d = os.path.join(ROOT, "fixtures", "big")
        os.makedirs(d, exist_ok=True)
        xlsx_path = os.path.join(d, "lo-1000.xlsx")
        layout = write_lo_xlsx(xlsx_path, courses)
        self_check(cfg, courses, None, xlsx_path, layout)
        layout = {"lo-1000.xlsx": dict(
            layout,
            cpr_stored_as_number=sum(c["cpr_number"] for c in courses),
            cpr_stored_as_number_lost_leading_zero=sum(1 for c in courses if c["cpr_number"] and c["cpr"][0] == "0"),
            cpr_text_without_dash=sum(1 for c in courses if c["cpr_nodash"] and not c["cpr_number"]))}
        write_json(os.path.join(d, "expected.json"), expected(cfg, courses, ["lo-1000.xlsx"], layout))
        print("big: %d courses written to %s" % (len(courses), d))


if __name__ == "__main__":
    main()
