#!/usr/bin/env bash
# Merge benchmark: Liaison's merge core beside Automerge's Rust core, in one run.
# usage: bash tools/merge-benchmark/run.sh [reports=1000000] [automerge_reports=same]
# Automerge runs only if ../shared/peers/setup.sh has installed it (PEERS_DIR, default
# ~/.cache/liaison-peers); its comparable workloads are "disjoint" (mode x) and "same-field"
# (mode conflict). Build once in release mode; every figure is a median of 3 runs.
# At 1,000,000 reports the whole run takes about 25 minutes, most of it Automerge's.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000000}
NA=${2:-$N}
PEERS=${PEERS_DIR:-$HOME/.cache/liaison-peers}
SHARED=${SHARED_DIR:-../shared}

swift build -c release --product liaison-merge-bench >&2
bench=.build/release/liaison-merge-bench
out=$(mktemp -d)
for workload in fields disjoint same-field; do
  echo "liaison $workload ($N reports)..." >&2
  "$bench" --reports "$N" --workload "$workload" --json > "$out/liaison-$workload.json"
done

automerge() {  # mode -> merge_rec_per_s median of 3, or "-"
  if [ -x "$PEERS/crdt-venv/bin/python" ] && [ -f "$SHARED/peers/bench_automerge.py" ]; then
    echo "automerge $1 ($NA records)..." >&2
    "$PEERS/crdt-venv/bin/python" "$SHARED/peers/median.py" "$PEERS/crdt-venv/bin/python" \
      "$SHARED/peers/bench_automerge.py" "$NA" "$1" | tail -n 1 |
      python3 -c 'import json,sys; line=sys.stdin.read(); print(json.loads(line[line.index("{"):])["merge_rec_per_s"])'
  else
    echo "-"
  fi
}
am_disjoint=$(automerge x)
am_same=$(automerge conflict)

python3 - "$out" "$N" "$NA" "$am_disjoint" "$am_same" <<'PY'
import json, sys
out, n, na, am_disjoint, am_same = sys.argv[1:6]
rows = {w: json.load(open(f"{out}/liaison-{w}.json")) for w in ("fields", "disjoint", "same-field")}
peer = {"fields": "-", "disjoint": am_disjoint, "same-field": am_same}
print(f"| workload | Liaison merges/s ({int(n):,} reports) | Liaison change applies/s | Liaison peak MB | Automerge merges/s ({int(na):,} records) | ratio |")
print("|---|---|---|---|---|---|")
for w, r in rows.items():
    ours = int(r["merges_per_second"]); theirs = peer[w]
    ratio = f"{ours / int(theirs):.2f}x" if theirs.isdigit() else "-"
    theirs_text = f"{int(theirs):,}" if theirs.isdigit() else "-"
    print(f"| {w} | {ours:,} | {int(r['change_applies_per_second']):,} | {r['peak_resident_MB']} | {theirs_text} | {ratio} |")
PY
