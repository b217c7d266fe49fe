#!/usr/bin/env bash
# The console's speed on a full township: fills a new store with REPORTS signed reports of a
# an office's variety (`liaison-sync-bench fill --office`), serves it with the release
# `township serve` over TLS, signs in as its administrator with curl, then times the
# dashboard, the first page of reports and one report's page with wrk (one connection, one
# request at a time, for SECONDS each) and reads the server's own milliseconds per request from
# its log. Prints each page's weight: its HTML plus every /assets/ file it links.
#
#   bash tools/console-benchmark/run.sh              # 100,000 reports, 10 s per page
#   bash tools/console-benchmark/run.sh 20000 5      # REPORTS SECONDS
#   KEEP=1 ...                                       # keep the store and logs, print where
#   BIN=path/to/release ...                          # binaries already built
#   STORE=DIR ...                                    # reuse DIR/store and DIR/token (from KEEP=1)
#
# Targets (issue 16): each of the three pages under 100 ms at the server (median), no page over
# 150 KB. Needs curl and wrk (apt-get install wrk); without wrk it times with curl alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
reports="${1:-100000}"
seconds="${2:-10}"

# BIN=DIR uses binaries built elsewhere (township and liaison-sync-bench) without building.
bin="${BIN:-.build/release}"
if [ -z "${BIN:-}" ]; then
  swift build -c release --product township 2>&1 | grep -E "error|warning: [^']" || true
  swift build -c release --product liaison-sync-bench 2>&1 | grep -E "error|warning: [^']" || true
fi

work=$(mktemp -d /tmp/liaison-console-bench.XXXXXX)
server=""
finish() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept: $work" >&2; else rm -rf "$work"; fi
}
trap finish EXIT

if [ -n "${STORE:-}" ]; then
  # A store filled before (KEEP=1 leaves one): its copy, and the token kept beside it.
  cp -a "$STORE/store" "$work/store" && cp "$STORE/token" "$work/token"
else
  echo "filling $reports reports..." >&2
  "$bin/liaison-sync-bench" fill --changes "$reports" --store "$work/store" --office \
    >"$work/fill.json"
  cat "$work/fill.json" >&2
  python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["token"])' "$work/fill.json" \
    >"$work/token"
fi
echo "store: $(du -sh "$work/store" | cut -f1)" >&2

"$bin/township" serve --store "$work/store" --port 0 --log-level info \
  >"$work/serve.out" 2>"$work/serve.log" &
server=$!
for _ in $(seq 1 300); do grep -q "serving" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'https://[^ ]*' "$work/serve.out")
[ -n "$url" ] || { echo "township serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

# Sign in as a browser does: the sign-in form's CSRF field and cookie, then the token.
jar="$work/cookies"
curl -sk -c "$jar" "$url/sign-in" -o "$work/sign-in.html"
csrf=$(grep -o 'name="csrf"[^>]*value="[^"]*"' "$work/sign-in.html" | sed 's/.*value="//; s/"$//' | head -n 1)
status=$(curl -sk -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' "$url/sign-in" \
  --data-urlencode "token=$(cat "$work/token")" --data-urlencode "csrf=$csrf")
session=$(awk '$6 == "liaison_session" { print $7 }' "$jar")
if [ "$status" != 303 ] || [ -z "$session" ]; then
  echo "sign-in failed: HTTP $status, session '${session}'" >&2
  exit 1
fi
cookie="Cookie: liaison_session=$session"

report=$(curl -sk -H "$cookie" "$url/reports" | grep -o 'data-report-id="[^"]*"' | head -n 1 |
  sed 's/.*="//; s/"$//')
[ -n "$report" ] || { echo "no report on /reports" >&2; exit 1; }

# A page's weight: its HTML and every asset it links from /assets/, as a browser fetches them.
weight() {
  local path=$1 html=$work/page.html bytes
  bytes=$(curl -sk -H "$cookie" -H "Accept-Encoding: identity" -o "$html" -w '%{size_download}' "$url$path")
  for asset in $(grep -o '/assets/[^"'"'"' )]*' "$html" | sort -u); do
    bytes=$((bytes + $(curl -sk -H "$cookie" -o /dev/null -w '%{size_download}' "$url$asset")))
  done
  echo "$bytes"
}

median_ms_from_log() {
  # The server's own request lines for this path after the mark (`method=GET ms=3.3
  # path=/reports status=200`): the median of their milliseconds.
  local path=$1 mark=$2
  tail -n +"$mark" "$work/serve.log" |
    awk -v want="path=$path" '/method=GET/ { hit = 0; ms = ""
      for (i = 1; i <= NF; i++) { if ($i == want) hit = 1; if ($i ~ /^ms=/) ms = substr($i, 4) }
      if (hit && ms != "") print ms }' |
    sort -n |
    awk '{ v[NR] = $1 } END { if (NR) printf "%.1f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2); else print "-" }'
}

# The server's CPU time per request (user + system, from /proc), which other work on a shared
# machine does not inflate as it inflates the wall-clock medians.
ticks=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-14s %9s %11s %12s %10s %12s %8s\n' page requests "wrk median" "server med." "wrk p99" "CPU/request" "KB"
for path in "/" "/reports" "/reports/$report"; do
  curl -sk -H "$cookie" -o /dev/null "$url$path"  # warm
  mark=$(($(wc -l <"$work/serve.log") + 1))
  cpu_before=$(cpu)
  if command -v wrk >/dev/null; then
    wrk -t1 -c1 -d"${seconds}s" --latency -H "$cookie" "$url$path" >"$work/wrk.txt"
    requests=$(grep -oE '^ +[0-9]+ requests' "$work/wrk.txt" | grep -oE '[0-9]+')
    client=$(awk '$1 == "50%" { print $2 }' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
  else
    end=$((SECONDS + seconds)) && : >"$work/times"
    while [ $SECONDS -lt $end ]; do
      curl -sk -H "$cookie" -o /dev/null -w '%{time_total}\n' "$url$path" >>"$work/times"
    done
    requests=$(wc -l <"$work/times")
    client=$(sort -n "$work/times" | awk '{ v[NR] = $1 } END { printf "%.1fms", v[int((NR + 1) / 2)] * 1000 }')
    p99=$(sort -n "$work/times" | awk '{ v[NR] = $1 } END { printf "%.1fms", v[int(NR * 0.99) + 0] * 1000 }')
  fi
  cpu_ms=$(awk -v a="$cpu_before" -v b="$(cpu)" -v t="$ticks" -v n="$requests" \
    'BEGIN { printf "%.1fms", (b - a) * 1000 / t / n }')
  server_ms=$(median_ms_from_log "$path" "$mark")
  kb=$(awk -v b="$(weight "$path")" 'BEGIN { printf "%.1f", b / 1024 }')
  label=$path && [ "$path" = "/reports/$report" ] && label="/reports/ID"
  printf '%-14s %9s %11s %12s %10s %12s %8s\n' "$label" "$requests" "$client" "${server_ms}ms" "$p99" "$cpu_ms" "$kb"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
printf '%-28s %9s\n' "other pages" KB
for path in "/reports?page=2" "/reports?sort=urgency" "/reports?village=%E4%B8%9C%E6%9D%91&status=open" \
  "/reports?q=%E6%B0%B4%E6%B8%A0" "/conflicts" "/devices" "/audit" "/sign-in"; do
  # The sign-in page as someone not signed in sees it (signed in, it sends them on).
  [ "$path" = /sign-in ] && cookie="Cookie: none=1"
  kb=$(awk -v b="$(weight "$path")" 'BEGIN { printf "%.1f", b / 1024 }')
  printf '%-28s %9s\n' "$path" "$kb"
done
