#!/usr/bin/env python3
"""Times the same pages on lorebot serve and public-inbox-httpd serving the same archive.

docs/bench/web-vs-public-inbox.py LOREBOT_URL LOREBOT_PID PI_URL PI_PID MSGID [N]

Each page is measured twice on both servers, which get identical requests, one server right
after the other:

cold  the page's first N requests after the servers started (the pages in the order listed, so
      a later page's code may already be warm from an earlier one);
warm  WARM_ROUNDS windows of N requests after a warm-up of the page, the two servers taking
      turns window by window; medians over the windows. lorebot's JIT compiles hot code after some
      thousands of calls, and a server runs for days, so the warm figure is its steady state.
      The warm-up sends windows of N requests to lorebot until its CPU per request stops
      falling (no window 5% below the best so far for 3 windows, at most MAX_WINDOWS), then
      the same number of requests to public-inbox.

Printed per page and phase: median wall time of a request on each server, the server's CPU
per request (user+sys of the process and its children, from /proc/PID/task/*/schedstat:
nanoseconds, not clock ticks), and the ratios lorebot/public-inbox. MSGID is a message whose
thread the thread pages show.
"""
import http.client
import os
import statistics
import sys
import time
import urllib.parse

MAX_WINDOWS = 40
STABLE_WINDOWS = 3
WARM_ROUNDS = 5


def cpu_seconds(pid):
    """CPU time of pid, its threads and descendants (live ones), in seconds."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/schedstat") as f:
                    total += int(f.read().split()[0])
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except FileNotFoundError:
            pass  # a thread or child that ended meanwhile
    return total / 1e9


class Server:
    def __init__(self, base, pid):
        u = urllib.parse.urlsplit(base)
        self.host, self.port, self.pid = u.hostname, u.port, pid
        self.conn = None

    def get(self, path):
        for attempt in (1, 2):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                self.conn.request("GET", path, headers={"Accept-Encoding": "identity"})
                r = self.conn.getresponse()
                r.read()
                if r.status != 200:
                    raise SystemExit(f"{self.host}:{self.port}{path}: HTTP {r.status}")
                return
            except (http.client.HTTPException, ConnectionError):
                # an idle keep-alive connection the server closed: open another, once
                self.conn = None
                if attempt == 2:
                    raise

    def window(self, path, n):
        """n requests: (median wall seconds, CPU seconds per request)."""
        times = []
        cpu0 = cpu_seconds(self.pid)
        for _ in range(n):
            t = time.perf_counter()
            self.get(path)
            times.append(time.perf_counter() - t)
        return statistics.median(times), (cpu_seconds(self.pid) - cpu0) / n


def warm_up(lb, pi, path, n):
    """Warms the page on both servers with the same requests; returns how many each got."""
    best, since_best, windows = float("inf"), 0, 0
    while windows < MAX_WINDOWS and since_best < STABLE_WINDOWS:
        _, cpu = lb.window(path, n)
        windows += 1
        if cpu < 0.95 * best:
            best, since_best = cpu, 0
        else:
            best, since_best = min(best, cpu), since_best + 1
    pi.window(path, windows * n)
    return windows * n


def line(name, lw, lc, pw, pc, extra=""):
    return (f"{name:<34} {lw*1000:8.2f}ms {pw*1000:8.2f}ms {lw/pw:6.2f}   "
            f"{lc*1000:7.2f}ms {pc*1000:7.2f}ms {(lc/pc if pc else float('nan')):6.2f}{extra}")


def main():
    lb = Server(sys.argv[1], int(sys.argv[2]))
    pi = Server(sys.argv[3], int(sys.argv[4]))
    msgid = sys.argv[5]
    n = int(sys.argv[6]) if len(sys.argv) > 6 else 30
    m = urllib.parse.quote(msgid, safe="@+")
    pages = ["/linux-mtd/", "/linux-mtd/?q=s:nand", "/linux-mtd/?q=s:nand&x=A", "/linux-mtd/new.atom",
             f"/linux-mtd/{m}/", f"/linux-mtd/{m}/raw", f"/linux-mtd/{m}/T/", f"/linux-mtd/{m}/t/",
             f"/linux-mtd/{m}/t.mbox.gz", f"/linux-mtd/{m}/t.atom"]
    head = (f"{'page':<34} {'lorebot':>9} {'p-i':>9} {'ratio':>6}   {'lb CPU':>8} {'p-i CPU':>8} {'ratio':>6}")
    print(f"N={n} requests a page; wall = median of a request; CPU = server user+sys per request")
    print("cold: the first N requests of each page after the servers started")
    print(head)
    for page in pages:
        lw, lc = lb.window(page, n)
        pw, pc = pi.window(page, n)
        print(line(page.replace(m, "MSGID"), lw, lc, pw, pc), flush=True)
    print(f"warm: {WARM_ROUNDS} windows of N requests after the page's warm-up, servers taking turns,"
          " medians (warm-up requests sent to each server in brackets)")
    print(head)
    for page in pages:
        warmed = warm_up(lb, pi, page, n)
        lbs, pis = [], []
        for _ in range(WARM_ROUNDS):
            lbs.append(lb.window(page, n))
            pis.append(pi.window(page, n))
        lw, lc = (statistics.median(x) for x in zip(*lbs))
        pw, pc = (statistics.median(x) for x in zip(*pis))
        print(line(page.replace(m, "MSGID"), lw, lc, pw, pc, f"   [{warmed}]"), flush=True)


if __name__ == "__main__":
    main()
