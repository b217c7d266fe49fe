#!/usr/bin/env bash
# Store benchmark: 100,000 reports through the store API beside raw SQLite, then whole-process
# timings of liaison new, list and show on that store. usage: bash tools/store-benchmark/run.sh [reports]
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product liaison >&2
swift build -c release --product liaison-store-bench >&2
echo "| measure | figure |"
echo "|---|---|"
.build/release/liaison-store-bench --reports "${1:-100000}"
