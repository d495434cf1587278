"""Summarises bench/plan_bench.sh: best run per policy for cakupan (wall,
CPU, peak memory), DuckDB's per-policy seconds (inside its process) and
process totals, the ratios, and whether both chose the same workers."""
import json
import subprocess
import sys

out, n, repeat, budget = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])

ours = {}  # policy -> list of (wall, cpu, peak_mb)
duck_proc = []
for line in open(f"{out}/plan-{n}.times"):
    side, policy, rep, wall, user, sys_, kb = line.split()
    row = (float(wall), float(user) + float(sys_), int(kb) / 1024)
    if side == "cakupan":
        ours.setdefault(policy, []).append(row)
    else:
        duck_proc.append(row)
duck_runs = [json.load(open(f"{out}/plan-duckdb-{n}-{rep}.json")) for rep in range(1, repeat + 1)]

cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                     text=True).stdout.strip()
load = open("/proc/loadavg").read().split()[:3]
def dots(v):
    return f"{v:,}".replace(",", ".")


print(f"### Budget allocation over {dots(n)} workers, budget Rp {dots(budget)}")
print()
print(f"Machine: {cpu}, 2 cores; best of {repeat} runs; DuckDB 2 threads; load average at the end "
      f"{' / '.join(load)}.")
print()
print("| policy | cakupan wall s | cakupan CPU s | cakupan peak MB | DuckDB s (query) | ratio wall | same choice |")
print("|---|---:|---:|---:|---:|---:|---|")
for policy, runs in ours.items():
    wall, cpu_s, peak = min(runs, key=lambda r: r[0])
    ours_json = json.load(open(f"{out}/plan-{n}-{policy}.json"))
    duck = [d[policy] for d in duck_runs if policy in d]
    if duck:
        best = min(duck, key=lambda d: d["seconds"])
        by_province = {r["code"]: r["enrolled"] for r in ours_json["rows"]}
        same = (by_province == best["by_province"] and
                [w["nik"] for w in ours_json["workers"]["items"]] == best["first"] and
                ours_json["candidates"] == best["candidates"] and ours_json["enrolled"] == best["enrolled"])
        print(f"| {policy} | {wall:.2f} | {cpu_s:.2f} | {peak:.0f} | {best['seconds']:.2f} | "
              f"**{wall / best['seconds']:.3f}** | {'yes' if same else 'NO'} |")
    else:
        print(f"| {policy} | {wall:.2f} | {cpu_s:.2f} | {peak:.0f} | — | — | — |")
d_wall, d_cpu, d_peak = min(duck_proc, key=lambda r: r[0])
print()
print(f"DuckDB process (both policies, open to exit): {d_wall:.2f} s wall, {d_cpu:.2f} s CPU, peak {d_peak:.0f} MB.")
first = json.load(open(f"{out}/plan-{n}-decile.json"))
print(f"Candidates {dots(first['candidates'])}, enrolled {dots(first['enrolled'])}, cost Rp {dots(first['cost'])}, "
      f"coverage {first['coverage_before']:.4f} -> {first['coverage_after']:.4f}.")
