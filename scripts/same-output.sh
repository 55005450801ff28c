#!/usr/bin/env bash
# Byte-identical output check for refactors (issue 12's "done when"): runs two depeche
# binaries over the example articles and 3,000 news articles (the first 1,000 lines of each
# file in ../shared/data/news, topped up from the largest), at 1, 2 and 4 threads, and fails on the first difference.
#
#   scripts/same-output.sh OLD_BINARY [NEW_BINARY]   # NEW defaults to target/release/depeche
#
# Keep OLD_BINARY from before the change (cp target/release/depeche /tmp/depeche-before).
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: scripts/same-output.sh OLD_BINARY [NEW_BINARY]}
new=${2:-target/release/depeche}
shared=${DEPECHE_SHARED:-../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

files=("$shared"/data/news/*.jsonl)
for f in "${files[@]}"; do head -n 1000 "$f"; done >"$work/news.jsonl"
# Top up to 3,000 from the largest file (some files hold fewer than 1,000 articles).
largest=$(wc -l "${files[@]}" | sort -n | tail -n 2 | head -n 1 | awk '{print $2}')
missing=$((3000 - $(wc -l <"$work/news.jsonl")))
if [ "$missing" -gt 0 ]; then sed -n "1001,$((1000 + missing))p" "$largest" >>"$work/news.jsonl"; fi
inputs=("$shared/corpus/seeds" "$work/news.jsonl")
echo "inputs: seeds + $(wc -l <"$work/news.jsonl") news articles"

"$old" extract --threads 1 "${inputs[@]}" -o "$work/old.jsonl" 2>/dev/null
for t in 1 2 4; do
    "$new" extract --threads "$t" "${inputs[@]}" -o "$work/new-$t.jsonl" 2>/dev/null
    if ! cmp -s "$work/old.jsonl" "$work/new-$t.jsonl"; then
        echo "DIFFERENT at --threads $t:"
        python3 - "$work/old.jsonl" "$work/new-$t.jsonl" <<'PY'
import json, sys
old, new = (open(p).read().splitlines() for p in sys.argv[1:3])
shown = 0
for i, (a, b) in enumerate(zip(old, new)):
    if a == b:
        continue
    ra, rb = json.loads(a), json.loads(b)
    for k in ra:
        if ra.get(k) != rb.get(k):
            va, vb = ra.get(k), rb.get(k)
            if isinstance(va, list) and isinstance(vb, list):
                gone = [x for x in va if x not in vb]
                added = [x for x in vb if x not in va]
                va, vb = gone[:3], added[:3]
            print(f"record {i + 1} ({ra.get('id')}): field {k!r} differs")
            print("  before:", json.dumps(va, ensure_ascii=False)[:600])
            print("  after: ", json.dumps(vb, ensure_ascii=False)[:600])
    shown += 1
    if shown == 5:
        break
if len(old) != len(new):
    print(f"{len(old)} records before, {len(new)} after")
PY
        exit 1
    fi
    echo "identical at --threads $t ($(wc -l <"$work/new-$t.jsonl") records, $(sha256sum <"$work/new-$t.jsonl" | cut -c1-16))"
done
