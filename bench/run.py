#!/usr/bin/env python3
"""Benchmarks Salve against Hugo and raw cmark on the same synthetic corpus, in one run, alternating.

usage: bench/run.py [--sizes 1000 10000] [--rounds 5] [--once 100000] [--work /tmp/salve-bench] [--markdown BENCHMARKS.md]

Needs: a release build of salve (.build/release/salve), hugo, gcc and libcmark-dev, GNU time.
Prints a table of median wall time, CPU time (user + system) and peak memory (max RSS), the ratios
Salve/Hugo and Salve/cmark, `salve check` on the same corpus and the preview rebuild latency.
"""
import argparse
import glob
import hashlib
import os
import socket
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, cwd=None):
    """Runs cmd under GNU time; returns (wall s, cpu s, max RSS MiB, stdout+stderr)."""
    fmt = "__TIME__ %e %U %S %M"
    proc = subprocess.run(["/usr/bin/time", "-f", fmt] + cmd, cwd=cwd, capture_output=True, text=True)
    out = proc.stdout + proc.stderr
    match = re.search(r"__TIME__ ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", out)
    if proc.returncode not in (0, 1) or not match:
        raise RuntimeError("command failed (%d): %s\n%s" % (proc.returncode, " ".join(cmd), out[-2000:]))
    wall, user, system, rss = match.groups()
    return float(wall), float(user) + float(system), int(rss) / 1024.0, out


def preview_latency(salve, corpus, edits=7):
    """Starts `salve preview`, edits one article several times and measures, for each edit, the time
    from the file write to the reload event arriving on the events stream (watcher + debounce +
    incremental rebuild + broadcast), and the rebuild time the server prints."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen([salve, "preview", "--port", str(port)], cwd=corpus,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("salve preview exited early")
            if "http://127.0.0.1:%d" % port in line:
                break
        events = socket.create_connection(("127.0.0.1", port), timeout=30)
        events.sendall(b"GET /_salve/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        buffer = b""
        def wait_for(marker, timeout):
            nonlocal buffer
            end = time.time() + timeout
            while marker not in buffer:
                events.settimeout(max(0.01, end - time.time()))
                chunk = events.recv(65536)
                if not chunk:
                    raise RuntimeError("events stream closed")
                buffer += chunk
            index = buffer.index(marker) + len(marker)
            buffer = buffer[index:]
        wait_for(b"\r\n\r\n", 30)  # response head
        article = os.path.join(corpus, "Content", "articles", "article-00042.md")
        original = open(article).read()
        latencies = []
        for i in range(edits):
            time.sleep(0.5)
            buffer = b""
            started = time.perf_counter()
            with open(article, "w") as f:
                f.write(original + "\nEdited paragraph number %d.\n" % i)
            wait_for(b"event: reload", 30)
            latencies.append((time.perf_counter() - started) * 1000)
        with open(article, "w") as f:
            f.write(original)
        events.close()
    finally:
        proc.terminate()
        try:
            output, _ = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            output, _ = proc.communicate()
    rebuilds = [float(m) for m in re.findall(r"in ([\d.]+) ms", output)]
    return median(latencies), (median(rebuilds[-edits:]) if rebuilds else None)


class Corpus:
    def __init__(self, path, regenerated):
        self.path, self.regenerated = path, regenerated


def ensure_corpus(work, size):
    """The corpus for `size` articles, generated only when missing or when the generator changed: it
    is deterministic, and rewriting 10,000 files before timing left the disk busy (see main)."""
    corpus = os.path.join(work, "corpus-%d" % size)
    generator = os.path.join(ROOT, "bench", "generate_corpus.py")
    with open(generator, "rb") as f:
        stamp = "%s %d" % (hashlib.sha256(f.read()).hexdigest(), size)
    stamp_file = os.path.join(corpus, ".generated")
    try:
        with open(stamp_file) as f:
            if f.read() == stamp:
                return Corpus(corpus, regenerated=False)
    except OSError:
        pass
    subprocess.run([sys.executable, generator, "--articles", str(size), "--out", corpus], check=True)
    with open(stamp_file, "w") as f:
        f.write(stamp)
    return Corpus(corpus, regenerated=True)


def median(values):
    return statistics.median(values)


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.0f GiB" % (kb / 1024 / 1024)
    except OSError:
        pass
    hugo = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip().split(" BuildDate")[0]
    return "%s, %d cores, %s, %s; %s; cmark %s" % (
        cpu, os.cpu_count(), mem, platform.platform(), hugo,
        subprocess.run(["pkg-config", "--modversion", "libcmark"], capture_output=True, text=True).stdout.strip())


# ext4 passes over inodes freed in the last 60 s (300 s while the inode table is being written) when it
# looks for a free one, so every file a build creates right after a large delete costs extra system
# time: 1.4 s instead of 0.4 s for a 10,000-article build measured a minute after the last run's
# cleanup. A run starts only when the last run's cleanup is that old.
QUIET_AFTER_CLEANUP = 300


# Sites are written to memory by default: the comparison is of the tools' work, and on disk the state
# earlier runs left behind (deleted inodes, writeback) moved both tools' times by 20-60 %.
DEFAULT_TMPFS_OUT = "/dev/shm/salve-bench-out"


def is_tmpfs(path):
    """Whether `path` lies on a tmpfs mount (the longest mount point that prefixes it)."""
    path = os.path.realpath(path)
    best, kind = "", ""
    try:
        with open("/proc/mounts") as mounts:
            for line in mounts:
                fields = line.split()
                if len(fields) >= 3 and (path == fields[1] or path.startswith(fields[1].rstrip("/") + "/")) \
                        and len(fields[1]) > len(best):
                    best, kind = fields[1], fields[2]
    except OSError:
        return False
    return kind == "tmpfs"


def html_files(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))


def cleanup_stamp(work):
    return os.path.join(work, ".last-cleanup")


def record_cleanup(work):
    with open(cleanup_stamp(work), "w") as f:
        f.write("%f\n" % time.time())


def wait_for_quiet_disk(work):
    try:
        last = float(open(cleanup_stamp(work)).read())
    except (OSError, ValueError):
        return
    remaining = QUIET_AFTER_CLEANUP - (time.time() - last)
    if remaining > 0:
        print("waiting %.0f s: the last run deleted its output %.0f s ago (see QUIET_AFTER_CLEANUP)" %
              (remaining, time.time() - last), flush=True)
        time.sleep(remaining)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--once", type=int, nargs="*", default=[],
                        help="further sizes measured in one round only, such as 100000")
    parser.add_argument("--work", default="/tmp/salve-bench")
    parser.add_argument("--salve", default=os.path.join(ROOT, ".build", "release", "salve"))
    parser.add_argument("--markdown", help="write the results table into this file")
    parser.add_argument("--out-dir", help="where the builds write their sites (default: a folder in /dev/shm "
                                          "when it is tmpfs, else --work)")
    args = parser.parse_args()

    os.makedirs(args.work, exist_ok=True)
    out_dir = args.out_dir or (DEFAULT_TMPFS_OUT if is_tmpfs(os.path.dirname(DEFAULT_TMPFS_OUT)) else args.work)
    os.makedirs(out_dir, exist_ok=True)
    in_memory = is_tmpfs(out_dir)
    print("builds write to %s (%s)" % (out_dir, "tmpfs" if in_memory else "disk"), flush=True)
    stale = glob.glob(os.path.join(out_dir, "out-*"))  # left by an interrupted run
    for out in stale:
        shutil.rmtree(out, ignore_errors=True)
    # Corpora are generated (which may replace an old one) before the wait, not between timings.
    corpora = {size: ensure_corpus(args.work, size) for size in args.sizes + args.once}
    if stale or any(corpus.regenerated for corpus in corpora.values()):
        record_cleanup(args.work)
    if not in_memory:
        wait_for_quiet_disk(args.work)
    floor = os.path.join(args.work, "cmark_floor")
    subprocess.run(["gcc", "-O2", "-o", floor, os.path.join(ROOT, "bench", "cmark_floor.c"), "-lcmark"], check=True)

    rows = []
    outputs = []
    for size in args.sizes + args.once:
        rounds = 1 if size in args.once and size not in args.sizes else args.rounds
        corpus = corpora[size].path
        markdown_bytes = sum(os.path.getsize(os.path.join(d, f))
                             for d, _, files in os.walk(os.path.join(corpus, "Content")) for f in files if f.endswith(".md"))
        results = {"salve": [], "hugo": [], "cmark": [], "check": []}
        pages = {}
        for round_index in range(rounds):
            # Every build writes into a folder never used before. On disk, all of them are deleted
            # at the end of the run: deleting the previous output just before a build made ext4
            # search past thousands of "recently deleted" inodes for every new file and folder (perf:
            # find_inode_bit → recently_deleted), which tripled both tools' system time. In memory
            # (tmpfs, the default) each is counted and deleted as soon as it is measured.
            salve_out = os.path.join(out_dir, "out-salve-%d-%d" % (size, round_index))
            hugo_out = os.path.join(out_dir, "out-hugo-%d-%d" % (size, round_index))
            # Alternate the order each round so no tool always runs on a warmer cache.
            order = ["salve", "hugo", "cmark"] if round_index % 2 == 0 else ["cmark", "hugo", "salve"]
            def measured(out):
                # In memory, a site is deleted before the next build: at 100,000 articles Hugo needs
                # 16 GiB, and both sites take 7 GB more.
                if in_memory:
                    shutil.rmtree(out, ignore_errors=True)
                else:
                    outputs.append(out)
            for tool in order:
                if tool == "salve":
                    results["salve"].append(timed([args.salve, "build", "--output", salve_out], cwd=corpus)[:3])
                    pages["salve"] = html_files(salve_out)
                    measured(salve_out)
                elif tool == "hugo":
                    try:
                        results["hugo"].append(timed(["hugo", "--quiet", "-d", hugo_out], cwd=os.path.join(corpus, "hugo"))[:3])
                        pages["hugo"] = html_files(hugo_out)
                    except RuntimeError as error:  # e.g. out of memory on the largest corpus
                        print("hugo failed: %s" % str(error)[:300])
                    measured(hugo_out)
                else:
                    results["cmark"].append(timed([floor, os.path.join(corpus, "Content")])[:3])
            results["check"].append(timed([args.salve, "check", "--format", "json"], cwd=corpus)[:3])
        pages.setdefault("salve", 0)
        pages.setdefault("hugo", 0)
        med = {tool: tuple(median([r[i] for r in runs]) for i in range(3)) if runs else None
               for tool, runs in results.items()}
        try:
            med["preview"] = preview_latency(args.salve, corpus)
        except (RuntimeError, OSError) as error:
            print("preview latency not measured: %s" % error)
            med["preview"] = (None, None)
        rows.append((size, markdown_bytes, pages, med, rounds))
        print_table(rows[-1:])
    for out in outputs:
        shutil.rmtree(out, ignore_errors=True)
    if outputs:
        record_cleanup(args.work)

    report = render_markdown(rows, args)
    print(report)
    if args.markdown:
        write_section(args.markdown, report)


def cells(measured):
    """wall, CPU and peak memory as table cells; dashes for a tool that did not run."""
    if measured is None:
        return ("–", "–", "–")
    wall, cpu, rss = measured
    return ("%.3f s" % wall, "%.3f s" % cpu, "%.0f MiB" % rss)


def print_table(rows):
    for size, markdown_bytes, pages, med, rounds in rows:
        print("\n%d articles (%.1f MB Markdown; Salve %d pages, Hugo %d pages; %d rounds)" % (
            size, markdown_bytes / 1e6, pages["salve"], pages["hugo"], rounds))
        for tool in ["salve", "hugo", "cmark", "check"]:
            print("  %-12s wall %9s  cpu %9s  peak %9s" % ((tool,) + cells(med[tool])))
        edit, rebuild = med["preview"]
        if edit is not None:
            print("  preview      edit → reload event %.0f ms (rebuild %s ms)" % (edit, "%.0f" % rebuild if rebuild else "?"))


def render_markdown(rows, args):
    lines = ["| articles | Markdown | rounds | tool | pages | wall (median) | CPU (median) | peak memory |",
             "|---:|---:|---:|---|---:|---:|---:|---:|"]
    for size, markdown_bytes, pages, med, rounds in rows:
        for tool, label in [("salve", "Salve build"), ("hugo", "Hugo"), ("cmark", "raw cmark (floor)"), ("check", "salve check")]:
            count = pages.get(tool, "") if med[tool] is not None else ""
            lines.append("| %d | %.1f MB | %d | %s | %s | %s | %s | %s |" % (
                (size, markdown_bytes / 1e6, rounds, label, count) + cells(med[tool])))
    lines += ["", "| articles | Salve/Hugo wall | Salve/cmark CPU | Salve peak | check wall | preview: edit → reload event | preview: rebuild |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for size, _, _, med, _ in rows:
        edit, rebuild = med["preview"]
        ratio = "%.2f" % (med["salve"][0] / med["hugo"][0]) if med["hugo"] else "–"
        floor = "%.2f" % (med["salve"][1] / med["cmark"][1]) if med["cmark"][1] >= 0.01 else "–"  # below time's resolution
        lines.append("| %d | %s | %s | %.0f MiB | %.3f s | %s | %s |" % (
            size, ratio, floor, med["salve"][2],
            med["check"][0], "%.0f ms" % edit if edit is not None else "–", "%.0f ms" % rebuild if rebuild else "–"))
    if len(rows) > 1:
        lines.append("")
        for before, after in zip(rows, rows[1:]):
            lines.append("Scaling %d → %d articles (×%g): Salve wall ×%.1f, CPU ×%.1f; check wall ×%.1f." % (
                before[0], after[0], after[0] / before[0], after[3]["salve"][0] / before[3]["salve"][0],
                after[3]["salve"][1] / before[3]["salve"][1], after[3]["check"][0] / before[3]["check"][0]))
    command = "bench/run.py --sizes %s --rounds %d" % (" ".join(str(size) for size in args.sizes), args.rounds)
    if args.once:
        command += " --once " + " ".join(str(size) for size in args.once)
    lines += ["", "Machine: " + machine(), "",
              "Command: `%s`, medians, run %s." % (command, time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))]
    return "\n".join(lines) + "\n"


def write_section(path, report):
    begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
    text = open(path).read() if os.path.exists(path) else ""
    block = begin + "\n" + report + end
    if begin in text and end in text:
        text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
    else:
        text += "\n" + block + "\n"
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
