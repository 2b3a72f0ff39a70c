#!/usr/bin/env python3
"""Writes fixtures/trial/population.csv and fixtures/trial/survey.csv: a synthetic trial's
randomised persons and the survey sent to them (Likert answers, with non-response).

Standard library only, fixed seed: running it again gives the same bytes. Run from the
repository root:

    python3 scripts/make-trial-survey.py

population.csv, one row per randomised person (";" delimited, UTF-8 with BOM, CRLF):
  Borger-id      B00001 ... B00400 (not a CPR number)
  Gruppe         Indsats or Kontrol (drawn at random, half each)
  Jobcenter      Nord, Syd or Vest
  Køn            Mand or Kvinde
  Aldersgruppe   18-29, 30-49 or 50+
  Ydelse         A-dagpenge or Kontanthjælp

survey.csv, one row per respondent (the persons who answered; same format):
  Borger-id, Gruppe, Jobcenter, Køn   as in population.csv
  Hjulpet        "I hvilken grad har samtalerne hjulpet dig?": I meget høj grad, I høj grad,
                 I nogen grad, I mindre grad, Slet ikke, Ved ikke, or empty (no answer)
  Tryg           "Føler du dig tryg ved at søge job?": the same scale

Built in: the Indsats group answers about 0.6 scale steps higher on Hjulpet (none on Tryg),
responds more often (75 % against 62 %), and persons aged 50+ respond more often than
those under 30, so that response, attrition and the Likert comparison have something to find.
Two answers are written the way people type them ("i høj grad" in lower case, "I nogen grad "
with a trailing space) and one is not on the scale ("Delvist"), so that the reading of the
scale is shown. The script reads both files back and checks every row before it finishes.
"""

import csv
import io
import random
from pathlib import Path

SEED = 20261129
N = 400
POP = Path("fixtures/trial/population.csv")
SURVEY = Path("fixtures/trial/survey.csv")
SCALE = ["I meget høj grad", "I høj grad", "I nogen grad", "I mindre grad", "Slet ikke"]


def answer(rng, shift):
    """A scale answer: a latent score, shifted up by `shift` steps; 8 % Ved ikke, 5 % empty."""
    u = rng.random()
    if u < 0.05:
        return ""
    if u < 0.13:
        return "Ved ikke"
    score = rng.gauss(1.8 + shift, 1.25)  # 0 = Slet ikke ... 4 = I meget høj grad
    k = max(0, min(4, round(score)))
    return SCALE[4 - k]


def write(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))


def main():
    rng = random.Random(SEED)
    people = []
    for i in range(1, N + 1):
        people.append(
            [
                f"B{i:05d}",
                "Indsats" if rng.random() < 0.5 else "Kontrol",
                rng.choice(["Nord", "Syd", "Vest"]),
                rng.choice(["Mand", "Kvinde"]),
                rng.choices(["18-29", "30-49", "50+"], [0.3, 0.45, 0.25])[0],
                rng.choices(["A-dagpenge", "Kontanthjælp"], [0.55, 0.45])[0],
            ]
        )
    answers = []
    for pid, group, jc, sex, age, _benefit in people:
        p = (0.75 if group == "Indsats" else 0.62) + {"18-29": -0.1, "30-49": 0.0, "50+": 0.1}[age]
        if rng.random() >= p:
            continue
        shift = 0.6 if group == "Indsats" else 0.0
        answers.append([pid, group, jc, sex, answer(rng, shift), answer(rng, 0.0)])
    # Answers as people type them, and one not on the scale.
    answers[3][4] = "i høj grad"
    answers[7][4] = "I nogen grad "
    answers[11][4] = "Delvist"
    write(POP, ["Borger-id", "Gruppe", "Jobcenter", "Køn", "Aldersgruppe", "Ydelse"], people)
    write(SURVEY, ["Borger-id", "Gruppe", "Jobcenter", "Køn", "Hjulpet", "Tryg"], answers)

    # Read back and check.
    pop = list(csv.reader(io.StringIO(POP.read_bytes().decode("utf-8-sig")), delimiter=";"))
    sur = list(csv.reader(io.StringIO(SURVEY.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert pop[1:] == people and sur[1:] == answers
    ids = {r[0] for r in people}
    assert all(r[0] in ids for r in answers)
    allowed = set(SCALE) | {"Ved ikke", "", "i høj grad", "I nogen grad ", "Delvist"}
    assert all(r[4] in allowed and r[5] in allowed for r in answers)
    print(f"{POP}: {len(people)} persons; {SURVEY}: {len(answers)} respondents")


if __name__ == "__main__":
    main()
