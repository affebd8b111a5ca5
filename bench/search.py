#!/usr/bin/env python3
"""Measures the search page on a large generated site in headless Chromium: bytes transferred before
the first results appear, and the time from the last keystroke to the results.

usage: bench/search.py [--articles 10000] [--work /tmp/salve-bench] [--queries walk stiffnes ...] [--rounds 3] [--salve PATH]
                       [--server python|nginx] [--key-delay MS]

Needs a release build of salve (.build/release/salve) and Debian's chromium and chromium-driver
(scripts/ensure-browser). The corpus is bench/generate_corpus.py's; the site is built into /dev/shm
when it exists, served by python3's http.server on 127.0.0.1 (no compression, no cache: every byte
counts), and each measurement uses a fresh browser profile, so nothing comes from a cache.
`--server nginx` serves it with Debian's nginx instead (`apt-get install nginx-light`; no compression,
HTTP/1.1 keep-alive): Python's server answers one request at a time under its interpreter lock and
closes every connection, which a static host does not.

Two ways a reader arrives at results, both measured:
- typed: the search page is opened, then the query is typed into the field key by key (WebDriver
  key events); latency = results shown - last input event, both on the page's clock
  (performance.now()); bytes = every response so far (the page, stylesheet, script and index files);
  with --key-delay, keys are typed that many ms apart, so each may search, and the bytes are every
  search's on the way;
- linked: search/?q=... is opened (a shared link or the header's search box on another page);
  bytes = every response until the results are shown.
"""
import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait(what, check, timeout=60):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = check()
            if value:
                return value
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.02)
    raise RuntimeError("timed out waiting for " + what)


class Driver:
    def __init__(self):
        self.port = free_port()
        self.proc = subprocess.Popen(["chromedriver", "--port=%d" % self.port], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        wait("chromedriver", lambda: self.call("GET", "/status")["value"]["ready"])
        self.session = None

    def call(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        conn.request(method, path, json.dumps(body) if body is not None else None,
                     {"Content-Type": "application/json"})
        data = json.loads(conn.getresponse().read() or b"{}")
        conn.close()
        value = data.get("value")
        if isinstance(value, dict) and "error" in value:
            raise RuntimeError("%s %s: %s" % (method, path, value.get("message")))
        return data

    def start(self, mobile=False):
        options = {"binary": shutil.which("chromium"),
                   "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--window-size=1280,900", "--disable-extensions", "--no-first-run"]}
        if mobile:
            options["mobileEmulation"] = {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 3.0}}
        value = self.call("POST", "/session", {"capabilities": {"alwaysMatch": {
            "browserName": "chrome", "goog:chromeOptions": options}}})["value"]
        self.session = value["sessionId"]

    def end(self):
        if self.session:
            self.call("DELETE", "/session/" + self.session)
            self.session = None

    def cmd(self, method, path, body=None):
        return self.call(method, "/session/%s%s" % (self.session, path), body).get("value")

    def run(self, script, *args):
        return self.cmd("POST", "/execute/sync", {"script": script, "args": list(args)})

    def quit(self):
        try:
            self.end()
        finally:
            self.proc.kill()
            self.proc.wait()


RESULTS_FOR = """
var list = document.getElementById("search-results");
return list && list.getAttribute("data-for") === arguments[0] ? document.getElementById("search-status").textContent : null;
"""

BYTES = """
var entries = performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"));
return entries.reduce(function (sum, e) { return sum + (e.transferSize || e.encodedBodySize || 0); }, 0);
"""

WATCH = """
window.__inputAt = 0; window.__shownAt = 0;
var input = document.getElementById("search-q"), list = document.getElementById("search-results");
input.addEventListener("input", function () { window.__inputAt = performance.now(); });
new MutationObserver(function () {
  if (list.getAttribute("data-for") === arguments[0] || list.getAttribute("data-for") === input.value) {
    window.__shownAt = performance.now();
  }
}).observe(list, { attributes: true, attributeFilter: ["data-for"], childList: true });
return true;
"""


# Where the latency goes: from the last input event to the first index request (the script's wait
# after the last key, and its work before asking), from there to the end of the last response (the
# rounds of requests, with the parsing and scoring between them), and from then to the results
# being in the page (the last parse, scoring and the DOM).
PHASES = """
var at = window.__inputAt, shown = window.__shownAt;
var after = performance.getEntriesByType("resource").filter(function (e) { return e.startTime >= at; });
if (!after.length) { return [shown - at, 0, 0]; }
var first = Math.min.apply(null, after.map(function (e) { return e.startTime; }));
var last = Math.max.apply(null, after.map(function (e) { return e.responseEnd; }));
return [first - at, last - first, shown - last];
"""


def start_server(kind, port, site):
    if kind == "python":
        return subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                                 "--directory", site], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        sys.exit("--server nginx needs Debian's nginx: apt-get install nginx-light")
    folder = tempfile.mkdtemp(prefix="salve-nginx-")
    temp = " ".join("%s_temp_path %s;" % (name, folder) for name in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    with open(os.path.join(folder, "nginx.conf"), "w") as conf:
        conf.write("daemon off; worker_processes 2; pid %s/pid; error_log %s/error.log;\n"
                   "events { worker_connections 256; }\n"
                   "http { access_log off; sendfile on; tcp_nodelay on; gzip off; %s\n"
                   " types { text/html html; text/css css; application/javascript js; application/json json; }\n"
                   " default_type application/octet-stream;\n"
                   " server { listen 127.0.0.1:%d; root %s; index index.html; } }\n" % (folder, folder, temp, port, site))
    return subprocess.Popen([nginx, "-c", os.path.join(folder, "nginx.conf"), "-p", folder],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure(driver, base, query, key_delay=0):
    # Typed.
    driver.start()
    try:
        driver.cmd("POST", "/url", {"url": base + "search/"})
        wait("the search script", lambda: driver.run("return window.salveSearch ? true : null;"))
        driver.run(WATCH)
        element = driver.cmd("POST", "/element", {"using": "css selector", "value": "#search-q"})
        element_id = list(element.values())[0]
        if key_delay:
            # As a person types: each key its own event, key_delay ms apart; every key may search.
            for key in query:
                driver.cmd("POST", "/element/%s/value" % element_id, {"text": key})
                time.sleep(key_delay / 1000)
        else:
            driver.cmd("POST", "/element/%s/value" % element_id, {"text": query})
        status = wait("typed results", lambda: driver.run(RESULTS_FOR, query))
        wait("the result time", lambda: driver.run("return window.__shownAt >= window.__inputAt && window.__shownAt > 0 ? true : null;"))
        latency = driver.run("return window.__shownAt - window.__inputAt;")
        phases = driver.run(PHASES)
        typed_bytes = driver.run(BYTES)
        files = driver.run("return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    finally:
        driver.end()
    # Linked.
    driver.start()
    try:
        driver.cmd("POST", "/url", {"url": base + "search/?q=" + query.replace(" ", "+")})
        wait("linked results", lambda: driver.run(RESULTS_FOR, query))
        linked_bytes = driver.run(BYTES)
    finally:
        driver.end()
    return {"query": query, "status": status, "latency_ms": latency, "typed_bytes": typed_bytes,
            "linked_bytes": linked_bytes, "files": len(files), "phases": phases}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--work", default="/tmp/salve-bench")
    parser.add_argument("--queries", nargs="+", default=["walk", "stiffnes", "shoulder pain", "condition 07"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--server", choices=["python", "nginx"], default="python")
    parser.add_argument("--key-delay", type=int, default=0,
                        help="ms between keys, typed one request each (0: the whole query in one WebDriver call, a burst)")
    parser.add_argument("--salve", default=os.path.join(ROOT, ".build", "release", "salve"),
                        help="the salve binary (the page's script and index files do not depend on the build mode)")
    args = parser.parse_args()
    from run import ensure_corpus  # the same deterministic corpus as the build benchmark
    corpus = ensure_corpus(args.work, args.articles).path
    out_root = "/dev/shm" if os.path.isdir("/dev/shm") else args.work
    site = tempfile.mkdtemp(prefix="salve-search-site-", dir=out_root)
    shutil.rmtree(site)
    salve = os.path.abspath(args.salve)
    subprocess.run([salve, "build", "--output", site], cwd=corpus, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    index_files = [os.path.join(d, f) for d, _, fs in os.walk(os.path.join(site, "search")) for f in fs]
    index_bytes = sum(os.path.getsize(f) for f in index_files if "/search/f/" not in f)
    fragment_bytes = [os.path.getsize(f) for f in index_files if "/search/f/" in f]
    port = free_port()
    server = start_server(args.server, port, site)
    driver = None
    try:
        base = "http://127.0.0.1:%d/" % port
        wait("the static server", lambda: http.client.HTTPConnection("127.0.0.1", port, timeout=2).request("GET", "/") or True)
        driver = Driver()
        print("%d articles: index %d files, %.1f MB without fragments; %d fragments, median %.1f kB"
              % (args.articles, len(index_files) - len(fragment_bytes), index_bytes / 1e6, len(fragment_bytes),
                 statistics.median(fragment_bytes) / 1e3))
        typed = "bytes until the last results (typed, keys %d ms apart)" % args.key_delay if args.key_delay else "bytes before results (typed)"
        print("| query | results | %s | (linked) | files fetched | last key → results (median of %d) | of which: to the first request / requests / after the last |" % (typed, args.rounds))
        print("|---|---|---|---|---|---|---|")
        for query in args.queries:
            runs = [measure(driver, base, query, args.key_delay) for _ in range(args.rounds)]
            print("| `%s` | %s | %.0f kB | %.0f kB | %d | %.0f ms (%s) | %s ms |" % (
                query, runs[0]["status"], statistics.median(r["typed_bytes"] for r in runs) / 1e3,
                statistics.median(r["linked_bytes"] for r in runs) / 1e3, runs[0]["files"],
                statistics.median(r["latency_ms"] for r in runs),
                ", ".join("%.0f" % r["latency_ms"] for r in runs),
                " / ".join("%.0f" % statistics.median(r["phases"][i] for r in runs) for i in range(3))))
            sys.stdout.flush()
    finally:
        if driver:
            driver.quit()
        server.kill()
        server.wait()
        shutil.rmtree(site, ignore_errors=True)


if __name__ == "__main__":
    main()
