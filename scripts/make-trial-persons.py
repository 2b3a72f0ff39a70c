#!/usr/bin/env python3
"""Writes fixtures/trial/persons.csv: a synthetic person file of a randomised trial, one row per
randomised person (jobfx compare reads it as a person file: a person column and a randomisation
date, no course dates).

Standard library only, fixed seed: running it again gives the same bytes. Run from the
repository root:

    python3 scripts/make-trial-persons.py

Columns (";" delimited, UTF-8 with BOM, CRLF, as Danish Excel writes CSV):
  Borger-id           B0001 ... (a citizen id, not a CPR number)
  Gruppe              Indsats or Kontrol (drawn at random, about half each)
  Jobcenter           Nord, Syd or Vest
  Køn                 Mand or Kvinde
  Alder               whole years at randomisation, 18-64
  Randomiseringsdato  dd-mm-yyyy, a day in 2024
  Job12               Ja / Nej: in ordinary employment within 12 months of randomisation
  Uger_i_job          weeks in employment in the 52 weeks after randomisation (0-52)

Built-in effect: Job12 Ja with probability 0.45 for Indsats, 0.35 for Kontrol; Uger_i_job about
3 weeks higher for Indsats. The script reads the file back and checks every cell.
"""

import csv
import datetime
import io
import random
from pathlib import Path

SEED = 20261129
N = 300
OUT = Path("fixtures/trial/persons.csv")
HEADER = ["Borger-id", "Gruppe", "Jobcenter", "Køn", "Alder", "Randomiseringsdato", "Job12", "Uger_i_job"]


def make_rows(rng):
    rows = []
    first = datetime.date(2024, 1, 1)
    for i in range(1, N + 1):
        group = "Indsats" if rng.random() < 0.5 else "Kontrol"
        centre = rng.choice(["Nord", "Syd", "Vest"])
        sex = rng.choice(["Mand", "Kvinde"])
        age = rng.randint(18, 64)
        day = first + datetime.timedelta(days=rng.randint(0, 365))
        p_job = 0.45 if group == "Indsats" else 0.35
        job = "Ja" if rng.random() < p_job else "Nej"
        base = 14.0 if group == "Indsats" else 11.0
        weeks = min(52, max(0, round(rng.gauss(base, 10.0)))) if job == "Ja" else min(52, max(0, round(rng.gauss(base / 3, 4.0))))
        rows.append([f"B{i:04d}", group, centre, sex, str(age), day.strftime("%d-%m-%Y"), job, str(weeks)])
    return rows


def main():
    rng = random.Random(SEED)
    rows = make_rows(rng)
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(HEADER)
    w.writerows(rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))

    text = OUT.read_bytes().decode("utf-8-sig")
    back = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert back[0] == HEADER, back[0]
    assert back[1:] == rows, "persons.csv does not read back as written"
    groups = {g: sum(1 for r in rows if r[1] == g) for g in ("Indsats", "Kontrol")}
    print(f"wrote {OUT}: {len(rows)} persons, {groups}")


if __name__ == "__main__":
    main()
