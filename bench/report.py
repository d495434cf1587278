"""Summarises bench/run.sh measurements: best of the repeated runs per step,
the two goals of issue 2 as ratios against DuckDB in the same run."""
import json
import platform
import subprocess
import sys

out, n, repeat, workers_mb, members_rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])


def read_times(path):
    steps = {}
    for line in open(path):
        name, secs, kb = line.split()
        steps[name] = (float(secs), int(kb))
    return steps


runs = []
for rep in range(1, repeat + 1):
    ours = read_times(f"{out}/cakupan-{n}-{rep}.times")
    duck_proc = read_times(f"{out}/duckdb-{n}-{rep}.times")["duckdb_all"]
    duck = json.load(open(f"{out}/duckdb-{n}-{rep}.json"))
    runs.append((ours, duck_proc, duck))

imports = ["import_regions", "import_workers", "import_labour_force", "import_members"]
levels = ["coverage_province", "coverage_regency", "coverage_district", "coverage_village"]


def ours_total(o, names):
    return sum(o[k][0] for k in names)


def duck_total(d, names):
    return sum(d[k] for k in names)


best = min(runs, key=lambda r: ours_total(r[0], r[0].keys()))
best_duck = min(runs, key=lambda r: duck_total(r[2], [k for k in r[2] if not k.startswith("rows_")]))
o, d = best[0], best_duck[2]
duck_import = duck_total(d, ["import_regions", "import_workers", "import_labour_force", "import_members", "checkpoint_import"])
duck_query = duck_total(d, ["reconcile"] + levels)
our_import = ours_total(o, imports)
our_query = ours_total(o, ["reconcile"] + levels)
our_peak = max(v[1] for v in o.values()) / 1024
duck_peak = best_duck[1][1] / 1024
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()

print(f"### {n:,} workers, {members_rows:,} memberships ({workers_mb} MB workers CSV)\n")
print(f"Machine: {cpu}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores; best of {repeat} runs; DuckDB 2 threads.\n")
print("| step | cakupan s | cakupan peak MB | DuckDB s |")
print("|---|---:|---:|---:|")
rows = [("import regions", "import_regions", "import_regions"), ("import workers", "import_workers", "import_workers"),
        ("import labour force", "import_labour_force", "import_labour_force"),
        ("import members", "import_members", "import_members"), ("(DuckDB checkpoint)", None, "checkpoint_import"),
        ("reconcile", "reconcile", "reconcile")] + [(f"coverage {l.split('_')[1]}", l, l) for l in levels]
for label, ok, dk in rows:
    ours_s = f"{o[ok][0]:.2f}" if ok else ""
    ours_m = f"{o[ok][1] / 1024:.0f}" if ok else ""
    print(f"| {label} | {ours_s} | {ours_m} | {d[dk]:.2f} |")
print(f"| **whole pipeline** | **{our_import + our_query:.2f}** | **{our_peak:.0f}** | **{duck_import + duck_query:.2f}** (peak {duck_peak:.0f} MB) |")
print()
r1 = (our_import + our_query) / (duck_import + duck_query)
r2 = our_query / duck_query
r3 = our_peak / duck_peak
print(f"- whole pipeline: cakupan / DuckDB = {r1:.2f} (goal <= 0.50) {'MET' if r1 <= 0.5 else 'NOT MET'}")
print(f"- reconcile + coverage at 4 levels: cakupan / DuckDB = {r2:.2f} (goal <= 0.25) {'MET' if r2 <= 0.25 else 'NOT MET'}")
print(f"- peak memory: cakupan / DuckDB = {r3:.2f} (goal <= 1.00) {'MET' if r3 <= 1.0 else 'NOT MET'}")
