#!/usr/bin/env python3
"""Find runs of words that our content shares with the source documents it was adapted from.

Usage:
    python3 scripts/text-overlap.py --sources DIR --content DIR [--content DIR ...] [--n 8]

Every text file under the source folder(s) and the content folder(s) is split into words
(lower case; letters, digits and apostrophes; everything else separates words). Each run of
N consecutive words (an n-gram) that appears both in a content file and in a source file is
reported with the content file, its line, and the source file(s) it also appears in.

Exit status: 0 when nothing is shared, 1 when at least one n-gram is shared, 2 on a usage error.
Standard library only.
"""

import argparse
import os
import re
import sys

TEXT_SUFFIXES = (".md", ".markdown", ".txt", ".yml", ".yaml", ".json", ".html", ".csv")

# Curly quotes and similar marks count as apostrophes.
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# A word: letters/digits, optionally joined by inner apostrophes ("child's", "don't").
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")


def tokens(text):
    """Yield (word, line number) pairs for a text."""
    for lineno, line in enumerate(text.translate(APOSTROPHES).lower().splitlines(), start=1):
        for match in WORD.finditer(line):
            yield match.group(0), lineno


def text_files(root):
    """Every text file under root (or root itself if it is a file), sorted."""
    if os.path.isfile(root):
        return [root]
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.lower().endswith(TEXT_SUFFIXES):
                found.append(os.path.join(folder, name))
    return found


def read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def ngrams(words, n):
    """Yield (ngram tuple, line of its first word)."""
    for i in range(len(words) - n + 1):
        yield tuple(w for w, _ in words[i:i + n]), words[i][1]


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Report runs of N words shared between content files and source documents.")
    parser.add_argument("--sources", action="append", required=True, metavar="DIR",
                        help="folder (or file) of source documents; may be given more than once")
    parser.add_argument("--content", action="append", required=True, metavar="DIR",
                        help="folder (or file) of our content; may be given more than once")
    parser.add_argument("--n", type=int, default=8, help="run length in words (default 8)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("--n must be at least 1")

    for root in args.sources + args.content:
        if not os.path.exists(root):
            parser.error(f"no such file or folder: {root}")

    # Index every source n-gram -> set of source files that contain it.
    index = {}
    source_files = [p for root in args.sources for p in text_files(root)]
    if not source_files:
        parser.error("no source text files found")
    for path in source_files:
        words = list(tokens(read(path)))
        for gram, _ in ngrams(words, args.n):
            index.setdefault(gram, set()).add(path)

    content_files = [p for root in args.content for p in text_files(root)]
    hits = 0
    files_with_hits = 0
    for path in content_files:
        words = list(tokens(read(path)))
        seen = set()
        file_hits = []
        for gram, line in ngrams(words, args.n):
            if gram in index and gram not in seen:
                seen.add(gram)
                file_hits.append((line, gram, sorted(index[gram])))
        if file_hits:
            files_with_hits += 1
            for line, gram, sources in file_hits:
                names = ", ".join(os.path.basename(s) for s in sources)
                print(f"{path}:{line}: \"{' '.join(gram)}\"  (also in {names})")
            hits += len(file_hits)

    print(f"{hits} shared {args.n}-gram(s) in {files_with_hits} of {len(content_files)} content "
          f"file(s), checked against {len(source_files)} source file(s).",
          file=sys.stderr if hits else sys.stdout)
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
