#!/usr/bin/env python3
"""Adds two actor outcomes to data/nodes.csv from the CORDIS participations, for `explain`.

  python3 examples/cordis_ee_climate/make_outcomes.py [../shared/data/cordis-h2020/raw]

For each organisation, over the 29 projects of projects.csv (its SC5 projects with an
Estonian partner):
- ec_contribution_case_eur: the EC contribution it received in them, EUR (the participations'
  `contribution`, summed to the cent). Left empty when one of its participations has no
  recorded contribution (`NA` in CORDIS: 34 participations, mostly partners outside the EU,
  e.g. Swiss, Indian and Chinese ones, whose funding comes from elsewhere), so that `explain`
  drops it listwise instead of reading "unknown" as 0.
- n_coordinated_in_case: how many of them it coordinated.
These are outcomes of project success, not measures of learning: they demonstrate the
regression, they do not test seed 004's claims. The script checks that its project counts
equal the n_projects_in_case column already in the file.
Source: CORDIS, European Commission — Horizon 2020 projects dataset, 2020-12-14.
"""
import collections
import csv
import gzip
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
raw = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    here, "..", "..", "..", "shared", "data", "cordis-h2020", "raw")
projects = {r["rcn"] for r in csv.DictReader(open(os.path.join(here, "projects.csv")))}
nodes_path = os.path.join(here, "data", "nodes.csv")
with open(nodes_path, newline="") as f:
    reader = csv.DictReader(f)
    fields = [c for c in reader.fieldnames
              if c not in ("ec_contribution_case_eur", "n_coordinated_in_case")]
    nodes = list(reader)
pics = {n["pic"] for n in nodes}

cents = collections.Counter()
unknown = set()
coordinated = collections.Counter()
seen = collections.defaultdict(set)
with gzip.open(os.path.join(raw, "h2020_participations.csv.gz"), "rt", newline="") as f:
    for r in csv.DictReader(f):
        if r["rcn"] not in projects or r["pic"] not in pics:
            continue
        seen[r["pic"]].add(r["rcn"])
        if r["contribution"] in ("", "NA"):
            unknown.add(r["pic"])
        else:
            cents[r["pic"]] += round(float(r["contribution"]) * 100)
        if r["role"] == "coordinator":
            coordinated[r["pic"]] += 1

for n in nodes:
    if len(seen[n["pic"]]) != int(n["n_projects_in_case"]):
        sys.exit(f"{n['pic']}: {len(seen[n['pic']])} projects in the participations, "
                 f"{n['n_projects_in_case']} in nodes.csv")
    c = cents[n["pic"]]
    n["ec_contribution_case_eur"] = "" if n["pic"] in unknown else f"{c // 100}.{c % 100:02d}"
    n["n_coordinated_in_case"] = str(coordinated[n["pic"]])

with open(nodes_path, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields + ["ec_contribution_case_eur", "n_coordinated_in_case"],
                       lineterminator="\n")
    w.writeheader()
    w.writerows(nodes)
print(f"{nodes_path}: {len(nodes)} organisations, {len(unknown)} with an unknown contribution, "
      f"{sum(coordinated.values())} coordinations")
