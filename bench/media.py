#!/usr/bin/env python3
"""Measures what pictures cost a build: the synthetic corpus (bench/generate_corpus.py) built without
images, then with one 2000x1500 JPEG per exercise card and per article, cold (empty media cache) and
warm (cache full). Prints wall time and peak memory (median of --rounds).

usage: bench/media.py [--articles 60] [--rounds 3] [--salve .build/release/salve]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, cwd):
    out = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + cmd, cwd=cwd, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("build failed:\n" + out.stderr[-3000:])
    seconds, kilobytes = out.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kilobytes) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--salve", default=os.path.join(HERE, "..", ".build", "release", "salve"))
    args = parser.parse_args()
    salve = os.path.abspath(args.salve)
    work = tempfile.mkdtemp(prefix="salve-media-bench-")
    plain = os.path.join(work, "plain")
    pictures = os.path.join(work, "pictures")
    subprocess.run([sys.executable, os.path.join(HERE, "generate_corpus.py"), "--articles", str(args.articles),
                    "--out", plain], check=True)
    shutil.rmtree(os.path.join(plain, "hugo"))
    shutil.copytree(plain, pictures)

    tool = os.path.join(work, "noise_jpeg")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "vips"], capture_output=True, text=True, check=True).stdout.split()
    subprocess.run(["cc", os.path.join(HERE, "noise_jpeg.c"), "-o", tool] + flags, check=True)
    base = os.path.join(work, "base.jpg")
    subprocess.run([tool, base], check=True)
    photo = open(base, "rb").read()
    media = os.path.join(pictures, "Content", "media")
    os.makedirs(media)
    count = 0
    for folder in ["articles", "exercises"]:
        folder_path = os.path.join(pictures, "Content", folder)
        for name in sorted(os.listdir(folder_path)):
            slug = name[:-3]
            # A JPEG comment makes each file's bytes (and so its cache key) its own.
            comment = ("photo for " + slug).encode()
            data = photo[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + photo[2:]
            open(os.path.join(media, slug + ".jpg"), "wb").write(data)
            with open(os.path.join(folder_path, name), "a") as f:
                f.write("\n![A person doing the %s exercise at home](../media/%s.jpg)\n" % (slug.replace("-", " "), slug))
            count += 1
    print("corpus: %d articles, %d images of %.1f MB" % (args.articles, count, len(photo) / 1e6))

    def build(project, clear_cache):
        if clear_cache:
            shutil.rmtree(os.path.join(project, ".salve-cache"), ignore_errors=True)
        return timed([salve, "build"], project)

    rows = []
    for label, project, cold in [("no images, warm", plain, False), ("images, cold", pictures, True),
                                 ("images, warm", pictures, False)]:
        build(project, False)  # page cache, output folder and (for warm) the media cache in place
        runs = [build(project, cold) for _ in range(args.rounds)]
        rows.append((label, statistics.median(r[0] for r in runs), max(r[1] for r in runs)))
    for label, seconds, megabytes in rows:
        print("%-18s %7.2f s  %6.0f MB peak" % (label, seconds, megabytes))
    print("warm build with images vs without: %+.1f%%" % ((rows[2][1] / rows[0][1] - 1) * 100))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
