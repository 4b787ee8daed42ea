#!/usr/bin/env python3
"""Writes the long tail of distinct /api/search request paths that live search sends, one per line.

From every query of the Atomic Red Team name set (../shared/bench/atomic-names.jsonl, or $ATTACK_KB_BENCH_QUERIES):
every word prefix ("Dump", "Dump LSASS.exe", ... the whole name) and, as someone types, every partially typed last
word of MIN_PREFIX (3) characters or more ("Dum", "Dump LSA", "Dump LSAS"). Words are split on whitespace and kept as
typed. Paths are de-duplicated, shuffled with a fixed seed (so consecutive requests are not near-duplicates, and every
run sends the same sequence), and every 4th gets &platform=Windows.

    src/bench/longtail.py                           # writes target/bench-longtail.txt
    MIN_PREFIX=4 src/bench/longtail.py out.txt
    WHOLE=1 src/bench/longtail.py target/bench-titles.txt   # whole names only: finished queries, as a pasted title

Prints how many distinct paths it wrote. load.sh and jmh.sh run it; the output is derived from the query set and is
never committed.
"""
import json
import os
import random
import sys
import urllib.parse

SEED = 10
PLATFORM_EVERY = 4


def typed_prefixes(query, min_prefix):
    """What the search box holds as the query is typed: whole-word prefixes and partial last words."""
    words = query.split()
    for k, word in enumerate(words):
        head = words[:k]
        for j in range(min_prefix, len(word)):
            yield " ".join(head + [word[:j]])
        yield " ".join(head + [word])


def main():
    source = os.environ.get("ATTACK_KB_BENCH_QUERIES", "../shared/bench/atomic-names.jsonl")
    out = sys.argv[1] if len(sys.argv) > 1 else "target/bench-longtail.txt"
    min_prefix = int(os.environ.get("MIN_PREFIX", "3"))
    with open(source, encoding="utf-8") as f:
        queries = [json.loads(line)["query"] for line in f if line.strip()]

    whole = os.environ.get("WHOLE") == "1"
    texts = list(dict.fromkeys(queries if whole else (p for q in queries for p in typed_prefixes(q, min_prefix))))
    random.Random(SEED).shuffle(texts)
    paths = []
    for i, text in enumerate(texts):
        params = [("q", text)] + ([("platform", "Windows")] if i % PLATFORM_EVERY == PLATFORM_EVERY - 1 else [])
        paths.append("/api/search?" + urllib.parse.urlencode(params))

    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(paths) + "\n")
    what = "whole names" if whole else f"word prefixes and partial last words of {min_prefix}+ characters"
    print(f"{len(paths)} distinct paths from {len(queries)} queries in {out} "
          f"({what}, every {PLATFORM_EVERY}th with platform=Windows)")


if __name__ == "__main__":
    main()
