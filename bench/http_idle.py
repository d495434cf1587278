"""Holds N idle keep-alive connections open (half of them after one answered
request, half having sent nothing) and measures how long a new client waits
for an answer.

usage: python3 bench/http_idle.py PORT [N]
"""
import http.client
import resource
import socket
import sys
import time

port = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, n + 100)), hard))
idle = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    if i % 2 == 0:
        s.sendall(b"GET /api/status HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(65536)
    idle.append(s)
samples = []
for _ in range(20):
    t0 = time.perf_counter()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", "/api/coverage?region=17&level=regency")
    c.getresponse().read()
    c.close()
    samples.append((time.perf_counter() - t0) * 1000)
samples.sort()
print(f"idle: {n} idle connections held; new client answered in median {samples[10]:.2f} ms, "
      f"max {samples[-1]:.2f} ms (20 tries)")
for s in idle:
    s.close()
