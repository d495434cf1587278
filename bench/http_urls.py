"""Writes the URL list of a dashboard session over the whole country: the
calls the dashboard makes when an officer opens the national view, provinces,
regencies, districts and villages (coverage, breakdowns, series, regions,
worker lists, search), for regions spread over the country.

usage: python3 bench/http_urls.py data/wilayah/wilayah.csv > urls.txt
"""
import csv
import random
import sys

random.seed(7)
codes = {1: [], 2: [], 3: [], 4: []}
with open(sys.argv[1], encoding="utf-8") as f:
    for row in csv.DictReader(f):
        codes[row["kode"].count(".") + 1].append(row["kode"])

dims = ["segment", "sex", "formality", "age_band", "vulnerability", "decile"]
urls = ["/api/status", "/api/regions", "/api/coverage?region=0&level=province", "/api/series?region=0"]
for d in dims:
    urls.append(f"/api/breakdown?region=0&dimension={d}")


def region_view(code, level):
    out = [f"/api/regions?parent={code}", f"/api/coverage?region={code}&level={level}",
           f"/api/coverage?region={code}&level={level}&basis=registry", f"/api/series?region={code}",
           f"/api/boundaries?parent={code}"]
    out += [f"/api/breakdown?region={code}&dimension={d}" for d in dims]
    return out


for p in random.sample(codes[1], 10):
    urls += region_view(p, "regency")
for r in random.sample(codes[2], 40):
    urls += region_view(r, "district")
for d in random.sample(codes[3], 40):
    urls += region_view(d, "village")
for v in random.sample(codes[4], 60):
    urls += [f"/api/coverage?region={v}&basis=registry", f"/api/workers?village={v}",
             f"/api/workers?village={v}&page=2&page_size=20"]
for q in ["bandung", "lebong", "kaur", "sukamaju", "17.04", "jakarta"]:
    urls.append(f"/api/regions/search?q={q}&limit=10")
print("\n".join(urls))
