#!/usr/bin/env python3
"""Times the same pages on lorebot serve and public-inbox-httpd serving the same archive.

docs/bench/web-vs-public-inbox.py LOREBOT_URL LOREBOT_PID PI_URL PI_PID MSGID [N]

Both servers are asked for each page N times (default 30) over one keep-alive connection,
after 3 s of warm-up requests (lorebot's JIT; the same for both). Printed per page: median wall time of a request on each server,
the server process's CPU (user+sys, its children included) per request, and the ratios
lorebot/public-inbox. MSGID is a message whose thread the thread pages show.
"""
import http.client
import os
import statistics
import sys
import time
import urllib.parse

CLK = os.sysconf("SC_CLK_TCK")
WARM_SECONDS = 3  # the JVM compiles hot code after some thousands of calls


def cpu_seconds(pid):
    """user+sys of pid and its descendants, in seconds."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except FileNotFoundError:
            pass
    return total / CLK


def measure(base, pid, path, n):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    def get():
        conn.request("GET", path, headers={"Accept-Encoding": "identity"})
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"{base}{path}: HTTP {r.status}")
        return len(body)
    warm_until = time.perf_counter() + WARM_SECONDS
    while time.perf_counter() < warm_until:
        get()
    times = []
    cpu0 = cpu_seconds(pid)
    for _ in range(n):
        t = time.perf_counter()
        size = get()
        times.append(time.perf_counter() - t)
    cpu = (cpu_seconds(pid) - cpu0) / n
    conn.close()
    return statistics.median(times), cpu, size


def main():
    lb, lb_pid, pi, pi_pid, msgid = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
    n = int(sys.argv[6]) if len(sys.argv) > 6 else 30
    m = urllib.parse.quote(msgid, safe="@+")
    pages = ["/linux-mtd/", "/linux-mtd/?q=s:nand", "/linux-mtd/?q=s:nand&x=A", "/linux-mtd/new.atom",
             f"/linux-mtd/{m}/", f"/linux-mtd/{m}/raw", f"/linux-mtd/{m}/T/", f"/linux-mtd/{m}/t/",
             f"/linux-mtd/{m}/t.mbox.gz", f"/linux-mtd/{m}/t.atom"]
    print(f"N={n} requests a page, median wall; CPU = server process user+sys per request")
    print(f"{'page':<34} {'lorebot':>9} {'p-i':>9} {'ratio':>6}   {'lb CPU':>8} {'p-i CPU':>8} {'ratio':>6}")
    for page in pages:
        lw, lc, _ = measure(lb, lb_pid, page, n)
        pw, pc, _ = measure(pi, pi_pid, page, n)
        name = page.replace(m, "MSGID")
        print(f"{name:<34} {lw*1000:8.2f}ms {pw*1000:8.2f}ms {lw/pw:6.2f}   {lc*1000:7.2f}ms {pc*1000:7.2f}ms "
              f"{(lc/pc if pc else float('nan')):6.2f}")


if __name__ == "__main__":
    main()
