#!/usr/bin/env bash
# The whole benchmark suite in one command (a few minutes on a 2-core machine):
#   Benchmarks/run-all.sh
# Builds in release, then prints: parse vs read+extract (extraction-benchmark), full reparse on one and on
# every core against xmllint, with peak memory and the store insert rate, at 100 / 1,000 / 10,000 small
# pages (sample + fixtures) and 100 / 1,000 real pages (../shared/corpus, when present) (reparse-benchmark), first and no-change fetch over loopback beside urlwatch (fetch-benchmark; it installs urlwatch from PyPI into .build/urlwatch-venv), digest rendering
# (digest-benchmark) and the query commands over 110,000 stored claims (query-benchmark). Needs python3 (the loopback server) and, for the floor, libxml2-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v xmllint >/dev/null || echo "note: xmllint missing (apt-get install libxml2-utils): no libxml2 floor"
for product in claimtrack extraction-benchmark reparse-benchmark fetch-benchmark digest-benchmark query-benchmark; do
    swift build -c release --product "$product" >&2
done
bin=$(swift build -c release --show-bin-path)
echo "== extraction: libxml2 parse alone vs plugin read + extraction"
"$bin/extraction-benchmark"
echo
echo "== reparse: archive → plugins → extraction → store"
"$bin/reparse-benchmark" 100 1000 10000 --real 100 1000
echo
echo "== fetch: first run, then a run where nothing changed, beside urlwatch"
"$bin/fetch-benchmark" 500 2000
echo
echo "== digest"
"$bin/digest-benchmark"
echo
echo "== queries over a large store (query-benchmark 1000000 for the resolver issue's size; it takes long)"
"$bin/query-benchmark" 100000
