#!/usr/bin/env python3
"""Writes fixtures/compare/survey.csv: a synthetic survey of a trial, one row per respondent.

Standard library only, fixed seed: running it again gives the same bytes. Run from the
repository root:

    python3 scripts/make-survey.py

Columns (";" delimited, UTF-8 with BOM, CRLF, as Danish Excel writes CSV):
  Respondent-id    R0001 ... (not a CPR number)
  Gruppe           Deltager or Kontrol (drawn at random, about half each)
  Jobcenter        Nord, Syd or Vest
  Køn              Mand or Kvinde
  Alder            whole years, 18-64
  arbejde_vigtigt  Ja, Nej, or empty (no answer, about 8 %)
  Timer            hours worked last week, decimal comma ("12,5"), empty for about 10 %

The answers are drawn with a built-in difference between the groups (Deltager: Ja with
probability 0.68, Kontrol 0.55; hours about 2 higher), so that the comparison has something
to find. The script reads the file back and checks every cell before it finishes.
"""

import csv
import io
import random
from pathlib import Path

SEED = 20250611
N = 320
OUT = Path("fixtures/compare/survey.csv")
HEADER = ["Respondent-id", "Gruppe", "Jobcenter", "Køn", "Alder", "arbejde_vigtigt", "Timer"]


def hours_text(h):
    """Hours with a decimal comma, in quarters of an hour: 12,5 / 7,25 / 20."""
    q = round(h * 4) / 4
    s = f"{q:.2f}".rstrip("0").rstrip(".")
    return s.replace(".", ",")


def make_rows(rng):
    rows = []
    for i in range(1, N + 1):
        group = "Deltager" if rng.random() < 0.5 else "Kontrol"
        centre = rng.choice(["Nord", "Syd", "Vest"])
        sex = rng.choice(["Mand", "Kvinde"])
        age = rng.randint(18, 64)
        p_yes = 0.68 if group == "Deltager" else 0.55
        r = rng.random()
        answer = "" if r < 0.08 else ("Ja" if rng.random() < p_yes else "Nej")
        if rng.random() < 0.10:
            hours = ""
        else:
            base = 13.0 if group == "Deltager" else 11.0
            h = max(0.0, rng.gauss(base, 8.0))
            hours = hours_text(h if rng.random() > 0.15 else 0.0)
        rows.append([f"R{i:04d}", group, centre, sex, str(age), answer, hours])
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

    # Read back and compare every cell.
    text = OUT.read_bytes().decode("utf-8-sig")
    back = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert back[0] == HEADER, back[0]
    assert back[1:] == rows, "survey.csv does not read back as written"
    groups = {g: sum(1 for r in rows if r[1] == g) for g in ("Deltager", "Kontrol")}
    print(f"wrote {OUT}: {len(rows)} respondents, {groups}")


if __name__ == "__main__":
    main()
