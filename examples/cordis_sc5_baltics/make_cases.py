#!/usr/bin/python3
"""Cuts three comparable clusters from EU CORDIS Horizon 2020: for each Baltic country, all
collaborative projects (two or more partners) of programme part SC5 (climate action,
environment, resource efficiency and raw materials) with at least one partner from that country, projected onto organisations (two
organisations are tied when they share a project; weight = projects shared). The country's
organisations are local, their partners global.

Input: ../shared/data/cordis-h2020/raw (participations and programme parts, CORDIS
2020-12-14). Output: EE/, LV/, LT/ with nodes.csv (pic, activity_type, country, locality,
n_projects_in_case) and edges.csv (source_pic, target_pic, weight); projects.csv per country.
The EE cut equals examples/cordis_ee_climate (400 organisations, 6,850 ties), which checks the
procedure. Run from the repository root: /usr/bin/python3 examples/cordis_sc5_baltics/make_cases.py
"""
import collections
import csv
import gzip
import itertools
import os

here = os.path.dirname(os.path.abspath(__file__))
raw = os.path.join(here, "..", "..", "..", "shared", "data", "cordis-h2020", "raw")


def main():
    with gzip.open(os.path.join(raw, "h2020_programme_parts.csv.gz"), "rt", encoding="utf-8") as f:
        sc5 = {r["rcn"] for r in csv.DictReader(f) if r["programme_part"] == "SC5"}
    members = collections.defaultdict(set)
    info = {}
    with gzip.open(os.path.join(raw, "h2020_participations.csv.gz"), "rt", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["rcn"] in sc5:
                members[r["rcn"]].add(r["pic"])
                info[r["pic"]] = (r["type"], r["country"])
    for country in ("EE", "LV", "LT"):
        # Collaborative projects only: a single-partner project ties nobody (dropping them
        # reproduces the shared EE case exactly).
        projects = sorted(p for p, m in members.items()
                          if len(m) >= 2 and any(info[x][1] == country for x in m))
        weight = collections.Counter()
        n_projects = collections.Counter()
        for p in projects:
            for x in members[p]:
                n_projects[x] += 1
            for a, b in itertools.combinations(sorted(members[p]), 2):
                weight[(a, b)] += 1
        out = os.path.join(here, country)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "nodes.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["pic", "activity_type", "country", "locality", "n_projects_in_case"])
            for x in sorted(n_projects):
                t, c = info[x]
                w.writerow([x, t, c, "local" if c == country else "global", n_projects[x]])
        with open(os.path.join(out, "edges.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["source_pic", "target_pic", "weight"])
            for (a, b), k in sorted(weight.items()):
                w.writerow([a, b, k])
        with open(os.path.join(out, "projects.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["rcn"])
            for p in projects:
                w.writerow([p])
        print(f"{country}: {len(projects)} projects, {len(n_projects)} organisations, "
              f"{len(weight)} ties, {sum(1 for x in n_projects if info[x][1] == country)} local")


if __name__ == "__main__":
    main()
