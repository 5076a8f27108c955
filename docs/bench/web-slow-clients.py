#!/usr/bin/env python3
"""A normal visitor's wait while hundreds of strangers hold connections to lorebot serve.

docs/bench/web-slow-clients.py URL PID PATH [N] [HELD]

Against a running `lorebot serve` (URL, its PID) on loopback: N requests for PATH (default
200), each on a new connection as a new visitor's, first on an otherwise idle server, then
while HELD connections (default 500) are held open: a third connect and send nothing, a third
send the start of a request and stop, a third trickle a request one byte a second. Printed:
p50/p99/max of the N requests in both states, the server's resident memory (VmRSS) and its
live Java heap in both states (both after a full GC, from jcmd), and how long after connecting the
server dropped the held connections (bounded by its header timeout; the wait is capped at 40 s).
"""
import http.client
import re
import selectors
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

REQUEST = b"GET /linux-mtd/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow\r\n\r\n"
WARM_SECONDS = 3
DROP_WAIT_SECONDS = 40


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as f:
        kib = int(re.search(r"^VmRSS:\s+(\d+) kB", f.read(), re.M).group(1))
    return kib / 1024


def live_heap_mib(pid):
    """Heap in use right after a full GC: what the server holds, not garbage awaiting collection."""
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"used (\d+)K", out).group(1)) / 1024


def timed_requests(host, port, path, n):
    times = []
    for _ in range(n):
        t = time.perf_counter()
        conn = http.client.HTTPConnection(host, port, timeout=30)
        conn.request("GET", path, headers={"Connection": "close", "Accept-Encoding": "identity"})
        r = conn.getresponse()
        r.read()
        conn.close()
        if r.status != 200:
            raise SystemExit(f"{path}: HTTP {r.status}")
        times.append(time.perf_counter() - t)
    return times


def summary(times):
    ms = sorted(t * 1000 for t in times)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    return f"p50 {statistics.median(ms):7.2f} ms  p99 {p99:7.2f} ms  max {ms[-1]:7.2f} ms"


def hold(host, port, count):
    """count connections: silent, a partial request then silence, a one-byte-a-second trickle."""
    held = []
    for i in range(count):
        s = socket.create_connection((host, port))
        kind = i % 3
        if kind == 1:
            s.sendall(REQUEST[:1 + i % 30])
        held.append((s, kind, time.perf_counter()))
    return held


def trickle(held, stop):
    sent = {id(s): 0 for s, kind, _ in held if kind == 2}
    while not stop.wait(1.0):
        for s, kind, _ in held:
            if kind == 2 and sent[id(s)] < len(REQUEST) - 1:
                try:
                    s.send(REQUEST[sent[id(s)]:sent[id(s)] + 1])
                    sent[id(s)] += 1
                except OSError:
                    pass  # dropped by the server: what we wait for


def drop_times(held):
    """Seconds from connecting until the server closed each held connection (None: still open)."""
    sel = selectors.DefaultSelector()
    for s, _, opened in held:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, opened)
    dropped = {}
    deadline = time.perf_counter() + DROP_WAIT_SECONDS
    while len(dropped) < len(held) and time.perf_counter() < deadline:
        for key, _ in sel.select(timeout=0.5):
            try:
                data = key.fileobj.recv(4096)
            except OSError:
                data = b""
            if not data:  # closed; an answer (a 4xx) would be data, then the close
                dropped[key.fileobj] = time.perf_counter() - key.data
                sel.unregister(key.fileobj)
    return [dropped.get(s) for s, _, _ in held]


def main():
    url, pid, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    count = int(sys.argv[5]) if len(sys.argv) > 5 else 500
    u = urllib.parse.urlsplit(url)
    host, port = u.hostname, u.port
    warm_until = time.perf_counter() + WARM_SECONDS
    while time.perf_counter() < warm_until:
        timed_requests(host, port, path, 1)

    idle = timed_requests(host, port, path, n)
    heap0 = live_heap_mib(pid)  # the full GC shrinks the heap: RSS is read after it in both states
    rss0 = rss_mib(pid)
    print(f"N={n} requests for {path}, each on a new connection")
    print(f"idle server:          {summary(idle)}   RSS {rss0:6.1f} MiB  live heap {heap0:6.1f} MiB")

    held = hold(host, port, count)
    stop = threading.Event()
    trickler = threading.Thread(target=trickle, args=(held, stop), daemon=True)
    trickler.start()
    time.sleep(1)
    loaded = timed_requests(host, port, path, n)
    heap1 = live_heap_mib(pid)
    rss1 = rss_mib(pid)
    print(f"{count} connections held: {summary(loaded)}   RSS {rss1:6.1f} MiB  live heap {heap1:6.1f} MiB")
    print(f"cost of a held connection: RSS {(rss1 - rss0) * 1024 / count:.1f} KiB, "
          f"live heap {(heap1 - heap0) * 1024 / count:.1f} KiB")

    drops = drop_times(held)
    stop.set()
    for kind, name in ((0, "silent"), (1, "partial, then silent"), (2, "trickling 1 byte/s")):
        ts = [d for (_, k, _), d in zip(held, drops) if k == kind]
        closed = [t for t in ts if t is not None]
        worst = f"{max(closed):.1f}" if closed else "-"
        print(f"dropped {name:<21} {len(closed)}/{len(ts)} within {DROP_WAIT_SECONDS} s, "
              f"after median {statistics.median(closed) if closed else float('nan'):.1f} s, max {worst} s")
    for s, _, _ in held:
        s.close()


if __name__ == "__main__":
    main()
