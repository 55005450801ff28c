#!/usr/bin/env bash
# Soak run (documented in README, not run in CI): the whole news corpus several times over as one
# multi-GB stream through `depeche extract` with 2 threads. Checks that the output has exactly one
# line per input line, reports peak RSS (it must stay flat whatever the number of rounds), then
# kills a run part-way and resumes it with --resume, checking nothing is duplicated or lost.
#
# Usage: scripts/soak.sh [ROUNDS] [NEWS_DIR]     (default: 20 rounds of ../shared/data/news)
set -euo pipefail
rounds=${1:-20}
news=${2:-../shared/data/news}
bin=target/release/depeche
[ -x "$bin" ] || cargo build --release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkfifo "$work/in"

stream() { for _ in $(seq "$rounds"); do cat "$news"/*.jsonl; done; }
lines_per_round=$(cat "$news"/*.jsonl | wc -l)
expected=$((lines_per_round * rounds))
bytes=$(( $(cat "$news"/*.jsonl | wc -c) * rounds ))
echo "soak: $rounds rounds, $expected articles, $((bytes / 1000000)) MB"

stream > "$work/in" &
/usr/bin/time -v "$bin" extract --threads 2 -o "$work/out.jsonl" - < "$work/in" 2> "$work/time.txt"
got=$(wc -l < "$work/out.jsonl")
rss=$(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}')
grep '^depeche:' "$work/time.txt" || true
echo "soak: output lines $got (expected $expected), peak RSS $((rss / 1024)) MB"
[ "$got" -eq "$expected" ] || { echo "soak: FAILED: line count differs"; exit 1; }

# Kill part-way, resume, compare with an uninterrupted run of one round.
cat "$news"/*.jsonl > "$work/one.jsonl"
"$bin" extract -q --threads 2 "$work/one.jsonl" -o "$work/ref.jsonl"
"$bin" extract -q --threads 2 "$work/one.jsonl" -o "$work/cut.jsonl" &
pid=$!
sleep 3
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
before=$(wc -l < "$work/cut.jsonl")
"$bin" extract -q --threads 2 --resume -o "$work/cut.jsonl" "$work/one.jsonl"
if cmp -s "$work/ref.jsonl" "$work/cut.jsonl"; then
  echo "soak: killed after $before lines, resumed: output identical to an uninterrupted run"
else
  echo "soak: FAILED: resumed output differs"; exit 1
fi
