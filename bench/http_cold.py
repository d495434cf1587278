"""Requests every URL once on a fresh server (nothing cached) and prints the
latency distribution: the worst case a first visitor meets.

usage: python3 bench/http_cold.py PORT urls.txt
"""
import http.client
import sys
import time

port, path = int(sys.argv[1]), sys.argv[2]
urls = [u.strip() for u in open(path) if u.strip()]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
times, statuses = [], {}
for u in urls:
    t0 = time.perf_counter()
    conn.request("GET", u)
    r = conn.getresponse()
    r.read()
    times.append((time.perf_counter() - t0) * 1000)
    statuses[r.status] = statuses.get(r.status, 0) + 1
times.sort()
q = lambda p: times[min(len(times) - 1, int(p * len(times)))]
print(f"cold: {len(times)} requests, statuses {statuses}, p50 {q(0.5):.2f} ms, p99 {q(0.99):.2f} ms, "
      f"max {times[-1]:.2f} ms")
