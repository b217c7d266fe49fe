#!/usr/bin/env bash
# Sync benchmark: Liaison's push and pull over loopback beside Kinto's, in one run.
# usage: [ROUNDS=3] bash tools/sync-benchmark/run.sh [liaison_reports=100000] [kinto_reports=10000]
# Last, row-size.py: SQLite alone storing the rows the server stores, the ceiling under it all.
# Kinto runs only if ../shared/peers/setup.sh has installed it (PEERS_DIR, default
# ~/.cache/liaison-peers); its workload is the same kind: push N reports in batches of 1,000,
# pull them on a second client.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
NK=${2:-10000}
PEERS=${PEERS_DIR:-$HOME/.cache/liaison-peers}
SHARED=${SHARED_DIR:-../shared}

swift build -c release --product township >&2
swift build -c release --product liaison-sync-bench >&2
echo "| measure | Liaison ($N reports) |"
echo "|---|---|"
.build/release/liaison-sync-bench --reports "$N" --rounds "${ROUNDS:-3}"

if [ -x "$PEERS/kinto-venv/bin/kinto" ]; then
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  "$PEERS/kinto-venv/bin/kinto" start --ini "$PEERS/kinto.ini" --port "$PORT" >"$PEERS/kinto.log" 2>&1 &
  KPID=$!
  trap 'kill $KPID 2>/dev/null' EXIT
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/v1/__heartbeat__" >/dev/null && break; sleep 0.5; done
  for _ in 1 2 3; do
    "$PEERS/kinto-venv/bin/python" "$SHARED/peers/bench_kinto.py" "http://127.0.0.1:$PORT/v1" "$NK" | tail -n 1
  done | python3 -c '
import json, statistics, sys
runs = [json.loads(line) for line in sys.stdin if line.startswith("{")]
push = statistics.median(r["push_rec_per_s"] for r in runs)
pull = statistics.median(r["pull_rec_per_s"] for r in runs)
count = runs[0]["N"]
print(f"| Kinto ({count:,} reports, memory backend, median of {len(runs)}) | push {push:,.0f} reports/s, pull {pull:,.0f} reports/s |")'
else
  echo "(Kinto is not installed: run ../shared/peers/setup.sh to put it beside these figures)"
fi

# The ceiling under all of it: SQLite alone storing the same two rows per report.
python3 tools/sync-benchmark/row-size.py "$N" 2
