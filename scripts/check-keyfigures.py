#!/usr/bin/env python3
"""An independent cross-check of `jobfx keyfigures` on the demo export (stdlib only).

Reads fixtures/demo/demo-export.csv itself and computes the key figures for 2025H1 from the
definitions in docs/definitions.md (#key-figures, #periods, #durations, #follow-up), without using jobfx. The
only things taken from jobfx are data and conventions named in its docs: the vocabularies
(canonical values and their spellings, exit reason -> exit group, copied below from
src/schema/vocab.ts), the match rule for spellings (README: case, spaces, punctuation and
æ/ø/å vs ae/oe/aa are ignored), and the conventions of the mix tables (each active person
once, by the latest active course: latest start, then the tie-break of
docs/definitions.md#tie-breaks; age in whole years at that course's start;
age bands <25, 25-29, 30-39, 40-49, 50+; an ended course without a reason is "Uoplyst" in
group "unknown"; a reason outside the vocabulary is kept as written, in group "unmapped").

Run from anywhere:

    python3 scripts/check-keyfigures.py           # writes fixtures/demo/keyfigures-2025H1.expected.json
    python3 scripts/check-keyfigures.py --check   # exit 1 if that file is not what it would write
    python3 scripts/check-keyfigures.py --input other.csv --from 2025-01-01 --to 2025-06-30
                                                  # probe another export with the demo's columns (stdout)

test/e2e/keyfigures-crosscheck.test.ts compares jobfx's output on the demo CSV and xlsx with the file.

The output holds no CPR numbers and no pseudonyms: only counts and duration summaries.
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = "fixtures/demo/demo-export.csv"
TARGET = "fixtures/demo/keyfigures-2025H1.expected.json"

PERIOD_FROM = dt.date(2025, 1, 1)
PERIOD_TO = dt.date(2025, 6, 30)
AS_OF = None  # the newest start or end date in the data (docs/definitions.md#follow-up)
COHORT = "lagged"  # horizon N: courses ended in the period shifted back N months; "period": ended in it
WINDOW = (12, "m")  # 12 calendar months: end1 < start2 <= add_months(end1, 12); (N, "d") counts days
MIN_GAP_DAYS = 0
HORIZONS = (1, 3, 6, 12)

# ---------------------------------------------------------------------------------------------
# Vocabularies, copied as data from src/schema/vocab.ts: (canonical value, group, aliases).

EXIT_GROUPS = ["job", "education", "jobActivity", "jobcentre", "benefit", "other", "dropout", "unknown"]
UNMAPPED = "unmapped"
UNKNOWN = "Uoplyst"

EXIT_REASONS = [
    ("Ordinært job", "job", [
        "Ordinært arbejde", "Ordinært arbejde/ selvstændig", "Ordinær beskæftigelse", "Job",
        "Afsluttet til job", "Arbejde", "Deltidsjob", "Deltidsarbejde", "Småjob", "Lønnede timer",
        "Selvstændig", "Selvstændig virksomhed",
    ]),
    ("Fleksjob", "job", []),
    ("Uddannelse", "education", [
        "Påbegyndt uddannelse", "Afsluttet til uddannelse", "Ordinær uddannelse", "Revalidering",
        "Læreplads", "Elevplads", "FGU", "STU", "AMU",
    ]),
    ("Virksomhedspraktik", "jobActivity", ["Praktik"]),
    ("Løntilskud", "jobActivity", ["Job med løntilskud", "Ansættelse med løntilskud"]),
    ("Vikartimer", "jobActivity", []),
    ("Kursus", "jobActivity", []),
    ("Overgået til jobcenter", "jobcentre", ["Tilbage til jobcenter", "Retur til jobcenter", "Jobcenter"]),
    ("Aktivt tilbud", "jobcentre", ["Andet aktivt tilbud"]),
    ("Anden indsats", "jobcentre", ["Anden støtte"]),
    ("Uddannelsesparat", "jobcentre", []),
    ("Arbejdsmarkedsparat", "jobcentre", []),
    ("A-dagpenge", "benefit", ["Dagpenge", "Arbejdsløshedsdagpenge"]),
    ("Sygedagpenge", "benefit", ["Sygemeldt", "Sygemelding"]),
    ("Kontanthjælp", "benefit", []),
    ("Ressourceforløb", "benefit", []),
    ("Jobafklaringsforløb", "benefit", ["Jobafklaring"]),
    ("Ledighedsydelse", "benefit", []),
    ("Pension", "benefit", ["Førtidspension", "Folkepension", "Efterløn"]),
    ("Flyttet", "other", ["Fraflyttet", "Flyttet fra kommunen", "Udrejst"]),
    ("Barsel", "other", ["Barselsorlov"]),
    ("Fængsel", "other", ["Afsoning"]),
    ("Død", "other", ["Afgået ved døden"]),
    ("Militær", "other", ["Værnepligt"]),
    ("Raskmeldt", "other", []),
    ("Afbrudt", "dropout", ["Afbrudt forløb"]),
    ("Udeblevet", "dropout", ["Udeblivelse", "Ikke mødt"]),
    ("Manglende medvirken", "dropout", []),
    ("Forløb ikke gennemført", "dropout", ["Ikke gennemført", "Forløbikke gennemført"]),
    ("Uoplyst", "unknown", ["Ukendt", "Ikke oplyst", "Ingen årsag"]),
]

TARGET_GROUPS = [
    ("Jobparat kontanthjælpsmodtager", ["Jobparat", "Jobparate kontanthjælpsmodtagere", "Kontanthjælp, jobparat"]),
    ("Aktivitetsparat kontanthjælpsmodtager", ["Aktivitetsparat", "Aktivitetsparate kontanthjælpsmodtagere"]),
    ("Åbenlyst uddannelsesparat", [
        "Åbenlyst uddannelsesparate", "Uddannelseshjælp, åbenlyst uddannelsesparat",
        "Uddannelseshjælpsmodtager, åbenlyst uddannelsesparat",
    ]),
    ("Uddannelsesparat", ["Uddannelsesparate", "Uddannelseshjælp, uddannelsesparat"]),
    ("Aktivitetsparat uddannelseshjælpsmodtager", ["Uddannelseshjælp, aktivitetsparat"]),
    ("Forsikret ledig", ["Forsikrede ledige", "A-dagpengemodtager", "Dagpengemodtager", "A-dagpenge"]),
    ("Sygedagpengemodtager", ["Sygedagpenge", "Sygemeldt"]),
    ("Ressourceforløb", ["Ressourceforløbsydelse"]),
    ("Jobafklaring", ["Jobafklaringsforløb"]),
    ("Ledighedsydelse", ["Fleksjobvisiteret", "Ledighedsydelsesmodtager"]),
    ("Uoplyst", ["Ukendt", "Ikke oplyst"]),
]

EDUCATION = [
    ("Grundskole", ["Folkeskole", "Ingen uddannelse", "Grundskole/ingen uddannelse"]),
    ("Gymnasial", ["Gymnasial uddannelse", "Gymnasium", "Studentereksamen", "STX", "HF", "HHX", "HTX"]),
    ("Erhvervsfaglig", ["Erhvervsfaglig uddannelse", "Erhvervsuddannelse", "EUD", "Faglært"]),
    ("Kort videregående (KVU)", ["Kort videregående uddannelse", "Kort videregående", "KVU"]),
    ("Mellemlang videregående (MVU/bachelor)", [
        "Mellemlang videregående uddannelse", "Mellemlang videregående", "MVU", "Bachelor",
        "Professionsbachelor",
    ]),
    ("Lang videregående (LVU)", ["Lang videregående uddannelse", "Lang videregående", "LVU", "Kandidat"]),
    ("Ph.d.", ["PhD", "Forskeruddannelse"]),
    ("Uoplyst", ["Ukendt", "Ikke oplyst"]),
]

FOLLOW_UP_STATUSES = [
    ("Job", ["Beskæftiget", "I job", "Lønmodtagerbeskæftigelse", "Ordinært job", "Beskæftigelse"]),
    ("Uddannelse", ["I uddannelse"]),
    ("Forsørgelsesydelse", ["Ledig", "Offentlig forsørgelse", "På ydelse", "Dagpenge", "Kontanthjælp", "Sygedagpenge", "Ydelse"]),
    ("Selvforsørgelse", ["Selvforsørget", "Selvforsørgende"]),
    ("Andet", ["Død", "Udvandret", "Pension", "Orlov", "Øvrige"]),
]

TRIAL_GROUPS = [
    ("treatment", ["Indsats", "Indsatsgruppe", "Deltager", "Deltagere", "Deltagergruppe", "Forsøg",
                   "Forsøgsgruppe", "Treatment", "Behandling"]),
    ("control", ["Kontrol", "Kontrolgruppe", "Control", "Sammenligningsgruppe"]),
]

AGE_BANDS = ["<25", "25-29", "30-39", "40-49", "50+"]
GENDERS = ["M", "K"]

# The demo's columns (fixtures/README.md).
COL_CPR = "CPR-nr."
COL_PROGRAMME = "Tilbud"
COL_UNIT = "Værksted"
COL_GROUP = "Forsøgsgruppe"
COL_TARGET = "Målgruppe"
COL_EDUCATION = "Højest fuldførte uddannelse"
COL_START = "Startdato"
COL_END = "Slutdato"
COL_REASON = "Afslutningsårsag"
COL_STATUS = {1: "Status 1 md", 3: "Status 3 mdr", 6: "Status 6 mdr", 12: "Status 12 mdr"}
# Consent to follow-up (docs/definitions.md#follow-up): with this column only "Ja" is covered.
COL_CONSENT = "Samtykke"
CONSENT_YES = {"ja", "j", "yes", "y", "givet", "samtykkegivet", "hargivetsamtykke", "sand", "true", "1"}

# ---------------------------------------------------------------------------------------------
# Reading values.

MISSING = {"", "-", ".", ".."}


def match_key(s):
    """README: spellings match ignoring case, spaces, punctuation and æ/ø/å vs ae/oe/aa."""
    s = unicodedata.normalize("NFC", s).casefold()
    s = s.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    return "".join(ch for ch in s if ch.isalnum())


class Vocab:
    def __init__(self, entries):
        """entries: (canonical, aliases) or (canonical, group, aliases)."""
        self.order = []
        self.by_key = {}
        self.group = {}
        for entry in entries:
            value, aliases = entry[0], entry[-1]
            if len(entry) == 3:
                self.group[value] = entry[1]
            self.order.append(value)
            for spelling in [value, *aliases]:
                self.by_key.setdefault(match_key(spelling), value)

    def canonical(self, raw):
        """Canonical value; a value not in the vocabulary is kept as written."""
        return self.by_key.get(match_key(raw), raw)

    def known(self, raw):
        return match_key(raw) in self.by_key


REASONS = Vocab(EXIT_REASONS)
TARGETS = Vocab(TARGET_GROUPS)
EDUCATIONS = Vocab(EDUCATION)
STATUSES = Vocab(FOLLOW_UP_STATUSES)
GROUPS_VOCAB = Vocab(TRIAL_GROUPS)


def cell(row, col):
    v = (row.get(col) or "").strip()
    return None if v in MISSING else v


def parse_date(s):
    m = re.fullmatch(r"(\d{1,2})([-./])(\d{1,2})\2(\d{4})", s)
    if m:
        return dt.date(int(m.group(4)), int(m.group(3)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise ValueError(f"not a date: {s!r}")


def parse_cpr(s):
    """(normalised 10 digits, birth date, gender M/K) by the CPR rules of docs/definitions.md#cpr-numbers."""
    digits = s.replace("-", "")
    if not digits.isdigit() or len(digits) not in (9, 10):
        raise ValueError("not a CPR number")
    digits = digits.zfill(10)
    dd, mm, yy, seventh = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    if seventh <= 3:
        century = 1900
    elif seventh in (4, 9):
        century = 2000 if yy <= 36 else 1900
    else:  # 5-8
        century = 2000 if yy <= 57 else 1800
    birth = dt.date(century + yy, mm, dd)
    gender = "M" if int(digits[9]) % 2 == 1 else "K"
    return digits, birth, gender


def whole_years(birth, on):
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_band(age):
    if age is None:
        return UNKNOWN
    if age < 25:
        return "<25"
    if age < 30:
        return "25-29"
    if age < 40:
        return "30-39"
    if age < 50:
        return "40-49"
    return "50+"


def add_months(d, n):
    """Calendar months; the day is clamped to the last day of the target month."""
    month0 = d.month - 1 + n
    year, month = d.year + month0 // 12, month0 % 12 + 1
    last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(d.day, last))


def quantile7(sorted_x, p):
    """R's default quantile (type 7): h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h])."""
    n = len(sorted_x)
    h = (n - 1) * p
    lo = int(h // 1)
    frac = h - lo
    if lo + 1 >= n:
        return sorted_x[lo]
    return sorted_x[lo] + frac * (sorted_x[lo + 1] - sorted_x[lo])


def summary(values):
    x = sorted(values)
    if not x:
        return {"n": 0, "mean": None, "median": None, "q1": None, "q3": None, "min": None, "max": None}
    return {
        "n": len(x),
        "mean": sum(x) / len(x),
        "median": quantile7(x, 0.5),
        "q1": quantile7(x, 0.25),
        "q3": quantile7(x, 0.75),
        "min": x[0],
        "max": x[-1],
    }


def days(start, end):
    return (end - start).days + 1


# ---------------------------------------------------------------------------------------------


def read_courses(path):
    courses, rejected, seen = [], [], set()
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f, delimiter=";")
        for line, row in enumerate(reader, start=2):
            if all((v or "").strip() == "" for v in row.values()):
                continue
            problems = []
            cpr = cell(row, COL_CPR)
            try:
                person, birth, gender = parse_cpr(cpr or "")
            except ValueError as e:
                problems.append(str(e))
                person = birth = gender = None
            start = end = None
            try:
                start = parse_date(cell(row, COL_START) or "")
            except ValueError as e:
                problems.append(str(e))
            try:
                end = parse_date(cell(row, COL_END)) if cell(row, COL_END) else None
            except ValueError as e:
                problems.append(str(e))
            if start and end and end < start:
                problems.append("end before start")
            if start and birth and birth > start:
                problems.append("born after start")
            key = (person, start, cell(row, COL_PROGRAMME))
            if not problems and key in seen:
                problems.append("duplicate course")
            if problems:
                rejected.append((line, problems))
                continue
            seen.add(key)
            raw_reason = cell(row, COL_REASON)
            reason = group = None
            if end is not None:
                if raw_reason is None:
                    reason, group = UNKNOWN, "unknown"
                else:
                    reason = REASONS.canonical(raw_reason)
                    group = REASONS.group.get(reason, UNMAPPED)
            target, education = cell(row, COL_TARGET), cell(row, COL_EDUCATION)
            programme, unit, trial = cell(row, COL_PROGRAMME), cell(row, COL_UNIT), cell(row, COL_GROUP)
            # The exit reason as jobfx keeps it for the tie-break: also on an ongoing course.
            kept_reason = reason if end is not None else (REASONS.canonical(raw_reason) if raw_reason else None)
            courses.append({
                "line": line,
                "person": person,
                "start": start,
                "end": end,
                "reason": reason,
                "group": group,
                "target": TARGETS.canonical(target) if target else UNKNOWN,
                "education": EDUCATIONS.canonical(education) if education else UNKNOWN,
                "age": whole_years(birth, start),
                "values": (
                    value_rank(TARGETS, target and TARGETS.canonical(target)),
                    value_rank(EDUCATIONS, education and EDUCATIONS.canonical(education)),
                    value_rank(None, programme),
                    value_rank(None, unit),
                    value_rank(GROUPS_VOCAB, trial and GROUPS_VOCAB.canonical(trial)),
                    value_rank(REASONS, kept_reason),
                ),
                "gender": gender,
                "status": {
                    h: (STATUSES.canonical(cell(row, c)) if cell(row, c) else None) for h, c in COL_STATUS.items()
                },
                # Covered by the follow-up: no consent column, or its value is Ja.
                "covered": COL_CONSENT not in reader.fieldnames
                or match_key(cell(row, COL_CONSENT) or "") in CONSENT_YES,
            })
    return courses, rejected


def danish_key(text):
    """Danish alphabetical order (approximating ICU's 'da' collation for plain words): case
    ignored, æ ø å after z."""
    return text.casefold().replace("æ", "{").replace("ø", "|").replace("å", "}")


def value_rank(vocab, value):
    """docs/definitions.md#tie-breaks, per field: vocabulary values in vocabulary order, then
    values outside it by text (Danish), the empty value last."""
    order = vocab.order if vocab else []
    if value is None:
        return (2, 0, "")
    if value in order:
        return (0, order.index(value), "")
    return (1, 0, danish_key(value))


def order_key(c):
    """The order of a person's courses (docs/definitions.md#tie-breaks): the smallest key wins:
    later start, later end (ongoing latest), then the values field by field."""
    end = dt.date.max if c["end"] is None else c["end"]
    return (-c["start"].toordinal(), -end.toordinal(), c["values"])


def window_end(end, window):
    n, unit = window
    return add_months(end, n) if unit == "m" else end + dt.timedelta(days=n)


def tally(values, order):
    """Counts in vocabulary order; values outside it after, alphabetically; Uoplyst last."""
    counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1

    def rank(v):
        if v == UNKNOWN:
            return (2, 0, v)
        if v in order:
            return (0, order.index(v), v)
        return (1, 0, v)

    return [{"value": v, "count": counts[v]} for v in sorted(counts, key=rank)]


def newest_date(courses):
    """The newest start or end date in the data: the default as-of date of the follow-up."""
    return max(d for c in courses for d in (c["start"], c["end"]) if d is not None)


def cohort_range(fr, to, h, cohort=COHORT):
    """Horizon h's ended-date range: the period, or (lagged) from its start shifted back h months
    to the day before its next day shifted back h months (2025H1, 1 month: 2024-12-01..2025-05-31)."""
    if cohort == "period":
        return fr, to
    return add_months(fr, -h), add_months(to + dt.timedelta(days=1), -h) - dt.timedelta(days=1)


def key_figures(courses, fr=PERIOD_FROM, to=PERIOD_TO, as_of=AS_OF, window=WINDOW, min_gap=MIN_GAP_DAYS,
                cohort=COHORT):
    if as_of is None:
        as_of = newest_date(courses)
    active = [c for c in courses if c["start"] <= to and (c["end"] is None or c["end"] >= fr)]
    started = [c for c in courses if fr <= c["start"] <= to]
    ongoing = [c for c in courses if c["start"] <= to and (c["end"] is None or c["end"] > to)]
    ended = [c for c in courses if c["end"] is not None and fr <= c["end"] <= to]

    def persons(lst):
        return len({c["person"] for c in lst})

    # Ended: reasons, groups, durations.
    reason_counts, reason_group = {}, {}
    for c in ended:
        reason_counts[c["reason"]] = reason_counts.get(c["reason"], 0) + 1
        reason_group[c["reason"]] = c["group"]
    by_reason = sorted(
        ({"value": r, "group": reason_group[r], "count": n} for r, n in reason_counts.items()),
        key=lambda r: (-r["count"], REASONS.order.index(r["value"]) if r["value"] in REASONS.order else 999, r["value"]),
    )
    groups = EXIT_GROUPS + ([UNMAPPED] if any(c["group"] == UNMAPPED for c in ended) else [])
    by_group = [{"value": g, "count": sum(1 for c in ended if c["group"] == g)} for g in groups]
    by_group_duration = {
        g: summary([days(c["start"], c["end"]) for c in ended if c["group"] == g]) for g in groups
    }

    # Mix: each active person once, by the latest active course (the first in order_key).
    latest, ties = {}, []
    for c in active:
        prev = latest.get(c["person"])
        if prev is not None and prev["start"] == c["start"]:
            ties.append((prev["line"], c["line"]))
        if prev is None or order_key(c) < order_key(prev):
            latest[c["person"]] = c
    people = list(latest.values())

    # Follow-up of each horizon's cohort: due when end + h months <= as-of.
    follow_up = []
    for h in HORIZONS:
        c_from, c_to = cohort_range(fr, to, h, cohort)
        members = [c for c in courses if c["end"] is not None and c_from <= c["end"] <= c_to]
        covered = [c for c in members if c["covered"]]
        due = [c for c in covered if add_months(c["end"], h) <= as_of]
        statuses = [c["status"][h] for c in due]
        follow_up.append({
            "horizon": h,
            "cohort": {"from": c_from.isoformat(), "to": c_to.isoformat()},
            "ended": len(members),
            "notCovered": len(members) - len(covered),
            "due": len(due),
            "notDue": len(covered) - len(due),
            "byStatus": tally([s if s is not None else UNKNOWN for s in statuses], STATUSES.order),
            "unrecorded": sum(1 for s in statuses if s is None),
        })

    # Repeat users: a person starting in the period with end1 < start2 <= end1 + window (calendar
    # months by add_months, or days) and start2 - end1 > min gap, for some earlier course of theirs.
    by_person = {}
    for c in courses:
        by_person.setdefault(c["person"], []).append(c)
    started_persons = {c["person"] for c in started}
    returning = set()
    for c2 in started:
        for c1 in by_person[c2["person"]]:
            if c1["end"] is None:
                continue
            gap = (c2["start"] - c1["end"]).days
            if 0 < gap and c2["start"] <= window_end(c1["end"], window) and gap > min_gap:
                returning.add(c2["person"])

    return {
        "courses": len(courses),
        "active": {"courses": len(active), "persons": persons(active)},
        "started": {"courses": len(started), "persons": persons(started)},
        "ongoing": {
            "courses": len(ongoing),
            "persons": persons(ongoing),
            "durationDays": summary([days(c["start"], to) for c in ongoing]),
        },
        "ended": {
            "courses": len(ended),
            "persons": persons(ended),
            "byReason": by_reason,
            "byGroup": by_group,
            "durationDays": summary([days(c["start"], c["end"]) for c in ended]),
            "durationDaysByGroup": by_group_duration,
        },
        "mix": {
            "persons": len(people),
            "targetGroup": tally([c["target"] for c in people], TARGETS.order),
            "education": tally([c["education"] for c in people], EDUCATIONS.order),
            "ageBand": tally([age_band(c["age"]) for c in people], AGE_BANDS),
            "gender": tally([c["gender"] or UNKNOWN for c in people], GENDERS),
        },
        "followUp": follow_up,
        "repeats": {"startedPersons": len(started_persons), "returning": len(returning)},
    }, ties


def parse_window(s):
    m = re.fullmatch(r"(\d+)\s*([dm]?)", s.strip(), re.I)
    if not m or int(m.group(1)) < 1:
        raise argparse.ArgumentTypeError(f"{s}: use days (365d) or calendar months (12m)")
    return (int(m.group(1)), "m" if m.group(2).lower() == "m" else "d")


def iso(s):
    return dt.date.fromisoformat(s)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help=f"compare with {TARGET} instead of writing it")
    ap.add_argument(
        "--input",
        help="probe another export with the demo's columns; prints the figures to stdout and writes nothing",
    )
    ap.add_argument("--from", dest="fr", type=iso, default=PERIOD_FROM, help="with --input: first day (ISO)")
    ap.add_argument("--to", type=iso, default=PERIOD_TO, help="with --input: last day (ISO)")
    ap.add_argument("--as-of", type=iso, help="with --input: follow-up as-of date (default: the newest date in the data)")
    ap.add_argument("--followup-cohort", choices=["lagged", "period"], default=COHORT, help="with --input: follow-up cohort")
    ap.add_argument("--window", type=parse_window, default=WINDOW, help="with --input: repeat window, 12m or 365d")
    ap.add_argument("--min-gap-days", type=int, default=MIN_GAP_DAYS, help="with --input: minimum gap in days")
    args = ap.parse_args()

    if args.input:
        courses, rejected = read_courses(args.input)
        as_of = args.as_of or newest_date(courses)
        figures, ties = key_figures(
            courses, args.fr, args.to, as_of, args.window, args.min_gap_days, args.followup_cohort
        )
        out = {
            "source": args.input,
            "period": {"from": args.fr.isoformat(), "to": args.to.isoformat()},
            "asOf": as_of.isoformat(),
            "followUpCohort": args.followup_cohort,
            "window": f"{args.window[0]}{args.window[1]}",
            "minGapDays": args.min_gap_days,
        }
    else:
        courses, rejected = read_courses(os.path.join(ROOT, SOURCE))
        figures, ties = key_figures(courses)
        out = {
            "_note": (
                "Key figures of the demo export for 2025H1, computed by scripts/check-keyfigures.py from "
                "the definitions in docs/definitions.md, independently of jobfx. Durations in days (end - start + 1; "
                "ongoing: period end - start + 1); quartiles R type 7. Follow-up: lagged cohorts (horizon N: "
                "courses ended in the period shifted back N months), as of the newest date in the data. "
                "No CPR numbers."
            ),
            "source": SOURCE,
            "period": {"from": PERIOD_FROM.isoformat(), "to": PERIOD_TO.isoformat()},
            "asOf": newest_date(courses).isoformat(),
            "followUpCohort": COHORT,
            "window": f"{WINDOW[0]}{WINDOW[1]}",
            "minGapDays": MIN_GAP_DAYS,
        }
    out.update({"rows": {"accepted": len(courses), "rejected": len(rejected)}, "latestCourseTies": len(ties)})
    out.update(figures)
    text = json.dumps(plain(out), ensure_ascii=False, indent=2) + "\n"
    for line, problems in rejected:
        print(f"check-keyfigures: line {line} rejected: {'; '.join(problems)}", file=sys.stderr)
    if ties:
        print(
            f"check-keyfigures: {len(ties)} same-day start(s) among active courses, broken by the tie-break",
            file=sys.stderr,
        )
    if args.input:
        sys.stdout.write(text)
        return 0
    path = os.path.join(ROOT, TARGET)
    if args.check:
        with open(path, encoding="utf-8") as f:
            same = f.read() == text
        print(f"check-keyfigures: {TARGET} is {'up to date' if same else 'OUT OF DATE'}", file=sys.stderr)
        return 0 if same else 1
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"check-keyfigures: wrote {TARGET} ({len(courses)} courses, {len(rejected)} rejected)", file=sys.stderr)
    return 0


def plain(x):
    """Whole floats as integers (35.0 -> 35), so the file reads as the figures are."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, list):
        return [plain(v) for v in x]
    return x


if __name__ == "__main__":
    sys.exit(main())
