#!/usr/bin/env bash
# Sync benchmark: Liaison's push and pull over loopback, optionally beside an older commit's,
# beside Kinto's and beside SQLite alone storing the same rows, in one run.
# usage: [ROUNDS=3] [BASELINE=commit] [TLS=1] bash tools/sync-benchmark/run.sh [liaison_reports=100000] [kinto_reports=10000]
#
# Each round is a fresh server and fresh devices, in a process of its own. With BASELINE, the
# commit's own township and liaison-sync-bench are built in a worktree under .build-baseline/
# and the rounds alternate old, new, old, new...; each build's bench drives its own server.
# The working tree's servers run with --insecure-http; TLS=1 adds to each round, after the
# plain one, the same push and pull over TLS with the devices pinning the server's
# certificate (tls-R.md; no serving rates, whose client speaks plain HTTP, and no baselines).
# TLS=1 also prints, after the table, `liaison-sync-bench signatures`: Ed25519 alone.
# Then Kinto, when ../shared/peers/setup.sh has installed it (PEERS_DIR, default
# ~/.cache/liaison-peers), on the same kind of workload; then SQLite alone storing the rows the
# last round's server stored, from Swift's C API, from GRDB and from Python's sqlite3, under
# each checkpoint policy, runs interleaved; last, row-size.py's state-size ceiling.
# BASELINE_DIR=DIR checks BASELINE out in an existing worktree DIR instead (its build cache helps).
# KEEP=1 keeps the folder of raw outputs (its path is printed); PAIRS_ONLY=1 stops after the
# rounds (no Kinto, no SQLite floor), for more old/new pairs in less time.
# PG=URL (a PostgreSQL server; each township gets a new database on it) runs instead ROUNDS
# rounds of `liaison-sync-bench pg`: SQLite, PostgreSQL through 1 and 2 processes and
# PostgreSQL alone (pg-floor), 2 writers and 2 readers at once, side by side, even rounds in
# reverse order; BEFORE=TOWNSHIP
# (a township binary) puts that build's 1 and 2 processes in each round too; then, unless
# INCREMENTAL_AT=0, one pg1 township filled to INCREMENTAL_AT (default 1,000,000) changes for
# the incremental sync of 10.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
NK=${2:-10000}
ROUNDS=${ROUNDS:-3}
PEERS=${PEERS_DIR:-$HOME/.cache/liaison-peers}
SHARED=${SHARED_DIR:-../shared}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/liaison-sync-run.XXXXXX")
KPID=
cleanup() {
  [ -n "$KPID" ] && kill "$KPID" 2>/dev/null
  if [ -n "${KEEP:-}" ]; then echo "(raw outputs kept in $OUT)" >&2; else rm -rf "$OUT"; fi
}
trap cleanup EXIT

swift build -c release --product township >&2
swift build -c release --product liaison-sync-bench >&2
NEW=.build/release
git rev-parse --short HEAD >"$OUT/head.txt"
[ -z "$(git status --porcelain -- Sources Package.swift)" ] || echo "$(cat "$OUT/head.txt") with uncommitted changes" >"$OUT/head.txt"

if [ -n "${PG:-}" ]; then
  for round in $(seq "$ROUNDS"); do
    if [ -n "${BEFORE:-}" ]; then
      echo "round $round: PostgreSQL, $BEFORE" >&2
      "$NEW/liaison-sync-bench" pg --database-url "$PG" --changes "$N" --township-binary "$BEFORE" \
        --configurations pg1 pg2 --no-floor | sed 's/"config": "/"config": "before-/' >>"$OUT/pg.jsonl"
    fi
    # Even rounds run the configurations in reverse, so that none always runs after another.
    order="sqlite pg1 pg2"
    [ $((round % 2)) = 0 ] && order="pg2 pg1 sqlite"
    echo "round $round: $order, PostgreSQL alone after pg1" >&2
    # shellcheck disable=SC2086 # the order is three words
    "$NEW/liaison-sync-bench" pg --database-url "$PG" --changes "$N" --configurations $order \
      >>"$OUT/pg.jsonl"
  done
  if [ "${INCREMENTAL_AT:-1000000}" != 0 ]; then
    echo "incremental sync against ${INCREMENTAL_AT:-1000000} changes on PostgreSQL" >&2
    "$NEW/liaison-sync-bench" pg --database-url "$PG" --changes "$N" --configurations pg1 \
      --no-floor --incremental-at "${INCREMENTAL_AT:-1000000}" | grep incremental >>"$OUT/pg.jsonl"
  fi
  python3 - "$OUT/pg.jsonl" "$(cat "$OUT/head.txt")" <<'PGSUMMARY'
import json, statistics, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {}
for l in lines:
    by.setdefault(l["config"], []).append(l)
def med(config, key):
    values = [l[key] for l in by.get(config, []) if key in l]
    return statistics.median(values) if values else None
def rounds(config, key):
    return ", ".join(f"{l[key]:,}" if isinstance(l[key], int) else str(l[key]) for l in by.get(config, []))
print(f"PostgreSQL benchmark at {sys.argv[2]}; medians, rounds in brackets, changes/s\n")
print("| configuration | push | pull | server CPU s (push) | PostgreSQL backends CPU s (push) | WAL flushes (push) |")
print("|---|---|---|---|---|---|")
names = {"sqlite": "SQLite, 1 process", "pg1": "PostgreSQL, 1 process", "pg2": "PostgreSQL, 2 processes",
         "before-pg1": "PostgreSQL, 1 process, before", "before-pg2": "PostgreSQL, 2 processes, before",
         "pg-floor": "PostgreSQL alone (pg-floor)"}
for config in ["sqlite", "pg1", "pg2", "before-pg1", "before-pg2", "pg-floor"]:
    if config not in by: continue
    cells = [f"{med(config, 'push'):,.0f} ({rounds(config, 'push')})"]
    if config != "pg-floor":
        cells += [f"{med(config, 'pull'):,.0f} ({rounds(config, 'pull')})",
                  f"{med(config, 'server_cpu_s'):.1f}", f"{med(config, 'postgres_cpu_s'):.1f}",
                  f"{med(config, 'wal_syncs'):,.0f}"]
    else:
        cells += ["-"] * 4
    print(f"| {names[config]} | " + " | ".join(cells) + " |")
def ratio(a, b, key="push"):
    pairs = [x[key] / y[key] for x, y in zip(by.get(a, []), by.get(b, []))]
    if not pairs: return None
    return f"{med(a, key) / med(b, key):.2f}; {statistics.median(pairs):.2f}; " + ", ".join(f"{p:.2f}" for p in pairs)
print("\n| ratio (of medians; median of rounds' ratios; rounds) | figure |")
print("|---|---|")
for label, a, b, key in [
    ("push, PostgreSQL 1 process / PostgreSQL alone (target at least 0.5)", "pg1", "pg-floor", "push"),
    ("push, PostgreSQL 2 processes / PostgreSQL alone", "pg2", "pg-floor", "push"),
    ("push, 2 processes / 1 (target at least 1)", "pg2", "pg1", "push"),
    ("pull, 2 processes / 1 (target at least 1)", "pg2", "pg1", "pull"),
    ("push, PostgreSQL 1 process / SQLite", "pg1", "sqlite", "push"),
    ("pull, PostgreSQL 1 process / SQLite", "pg1", "sqlite", "pull"),
    ("push, 1 process, this build / before", "pg1", "before-pg1", "push"),
    ("push, 2 processes, this build / before", "pg2", "before-pg2", "push"),
]:
    r = ratio(a, b, key)
    if r: print(f"| {label} | {r} |")
for l in by.get("pg-incremental", []):
    print(f"| incremental sync of 10, PostgreSQL, {l['changes']:,} changes / empty (target at most 2) | "
          f"{l['ratio']:.2f} ({l['loaded_ms']} ms / {l['empty_ms']} ms) |")
PGSUMMARY
  exit 0
fi

OLD=
if [ -n "${BASELINE:-}" ]; then
  commit=$(git rev-parse --verify "$BASELINE^{commit}")
  # BASELINE_DIR: an existing worktree to check the commit out in and build, for its build cache.
  SRC=${BASELINE_DIR:-.build-baseline/$BASELINE}
  if [ -n "${BASELINE_DIR:-}" ]; then git -C "$SRC" checkout -q --detach "$commit" >&2; fi
  if [ ! -d "$SRC" ]; then git worktree add --detach "$SRC" "$commit" >&2; fi
  [ "$(git -C "$SRC" rev-parse HEAD)" = "$commit" ] || { echo "$SRC is not at $BASELINE" >&2; exit 1; }
  (cd "$SRC" && swift build -c release --product township >&2 &&
    swift build -c release --product liaison-sync-bench >&2)
  OLD=$SRC/.build/release
  git rev-parse --short "$commit" >"$OUT/baseline.txt"
fi

for round in $(seq "$ROUNDS"); do
  if [ -n "$OLD" ]; then
    echo "round $round: $(cat "$OUT/baseline.txt")" >&2
    "$OLD/liaison-sync-bench" --reports "$N" --rounds 1 --no-baselines >"$OUT/old-$round.md"
  fi
  echo "round $round: $(cat "$OUT/head.txt")" >&2
  rows=()
  [ "$round" = "$ROUNDS" ] && rows=(--rows-out "$OUT/rows.sqlite")
  "$NEW/liaison-sync-bench" --reports "$N" --rounds 1 "${rows[@]}" >"$OUT/new-$round.md"
  if [ -n "${TLS:-}" ]; then
    echo "round $round: $(cat "$OUT/head.txt") over TLS" >&2
    "$NEW/liaison-sync-bench" --reports "$N" --rounds 1 --tls --no-baselines >"$OUT/tls-$round.md"
  fi
done

if [ -n "${PAIRS_ONLY:-}" ]; then
  :
elif [ -x "$PEERS/kinto-venv/bin/kinto" ]; then
  PORT=$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')
  "$PEERS/kinto-venv/bin/kinto" start --ini "$PEERS/kinto.ini" --port "$PORT" >"$PEERS/kinto.log" 2>&1 &
  KPID=$!
  for _ in $(seq 60); do curl -sf "http://127.0.0.1:$PORT/v1/__heartbeat__" >/dev/null && break; sleep 0.5; done
  for _ in 1 2 3; do
    echo "Kinto, $NK reports" >&2
    "$PEERS/kinto-venv/bin/python" "$SHARED/peers/bench_kinto.py" "http://127.0.0.1:$PORT/v1" "$NK" | tail -n 1 >>"$OUT/kinto.jsonl"
  done
  kill "$KPID" 2>/dev/null
  KPID=
else
  echo "(Kinto is not installed: run ../shared/peers/setup.sh to put it beside these figures)"
fi

# SQLite alone storing the last round's rows: same schema, pragmas, transactions of 1,000, and
# checkpoint policy for each language; each run into a new file, the runs interleaved.
for _ in $(seq "$([ -n "${PAIRS_ONLY:-}" ] && echo 0 || echo "$ROUNDS")"); do
  for policy in none auto server; do
    echo "SQLite alone, checkpoints $policy" >&2
    "$NEW/liaison-sync-bench" floor --rows "$OUT/rows.sqlite" --via raw --policy "$policy" >>"$OUT/floor.jsonl"
    python3 tools/sync-benchmark/row-size.py --rows "$OUT/rows.sqlite" --policy "$policy" >>"$OUT/floor.jsonl"
    "$NEW/liaison-sync-bench" floor --rows "$OUT/rows.sqlite" --via grdb --policy "$policy" >>"$OUT/floor.jsonl"
  done
  # What the server's writer adds: GRDB checks foreign keys (change.report_key) by default.
  "$NEW/liaison-sync-bench" floor --rows "$OUT/rows.sqlite" --via raw --policy server --foreign-keys >>"$OUT/floor.jsonl"
  "$NEW/liaison-sync-bench" floor --rows "$OUT/rows.sqlite" --via grdb --policy server --foreign-keys >>"$OUT/floor.jsonl"
done

# One table of medians from what the rounds, Kinto and the floor runs left in $OUT: new-R.md and
# old-R.md (each a `liaison-sync-bench --rounds 1` table), kinto.jsonl, floor.jsonl (one JSON line
# per floor run, from `liaison-sync-bench floor` and `row-size.py --rows`), head.txt, baseline.txt.
python3 - "$OUT" <<'SUMMARY'
import glob, json, os, re, statistics, sys
folder = sys.argv[1]


def read(name):
    path = os.path.join(folder, name)
    return open(path).read().strip() if os.path.exists(path) else None


def table(path):
    """A bench table's rows: name -> first number of the value."""
    rows = {}
    for line in open(path):
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) == 2:
            number = re.search(r'-?\d[\d,]*(\.\d+)?', cells[1])
            if number:
                rows[cells[0]] = float(number.group(0).replace(',', ''))
    return rows


def rounds(side):
    files = sorted(glob.glob(os.path.join(folder, f'{side}-*.md')),
                   key=lambda p: int(re.search(r'-(\d+)\.md$', p).group(1)))
    return [table(p) for p in files]


def pick(rows, prefix):
    return next((v for k, v in rows.items() if k.startswith(prefix)), None)


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def figure(value, unit=''):
    return '-' if value is None else f'{value:,.0f}{unit}'


new, old, tls = rounds('new'), rounds('old'), rounds('tls')
head, baseline = read('head.txt') or 'HEAD', read('baseline.txt')
print(f'| measure | figure |')
print('|---|---|')
print(f'| commits | new {head}' + (f', old {baseline}' if baseline else '') +
      f'; {len(new)} rounds, each a fresh server and devices |')


def ratio(name, label, top, bottom):
    pairs = [b / a for a, b in zip(bottom, top) if a and b]
    print(f'| {name}, {label} (ratio of medians; median of pairs; pairs) | '
          f'{median(top) / median(bottom):.2f}; {median(pairs):.2f}; '
          f'{", ".join(f"{p:.2f}" for p in pairs)} |')


for name, prefix in (('push', 'push, device A'), ('pull', 'pull, server to device B')):
    n = [pick(r, prefix) for r in new]
    t = [pick(r, prefix) for r in tls]
    o = [pick(r, prefix) for r in old]
    for side, values in (('old', o), ('new' + (' plain HTTP' if tls else ''), n),
                         ('new over TLS', t)):
        if values:
            print(f'| {name}, {side} (median; rounds) | {figure(median(values))} changes/s; '
                  f'{", ".join(figure(v) for v in values)} |')
    if old:
        ratio(name, 'new' + (' plain HTTP' if tls else '') + ' / old', n, o)
    if old and tls:
        ratio(name, 'new over TLS / old', t, o)
    if tls:
        ratio(name, 'new over TLS / new plain HTTP', t, n)

serve = median([pick(r, 'pull serving rate') for r in new])
print(f'| pull serving rate, a client reading and discarding pages of 1,000 | '
      f'{figure(serve)} changes/s; {", ".join(figure(pick(r, "pull serving rate")) for r in new)} |')
kinto = [json.loads(l) for l in (read('kinto.jsonl') or '').splitlines() if l.startswith('{')]
if kinto:
    kpull = median([k['pull_rec_per_s'] for k in kinto])
    kpush = median([k['push_rec_per_s'] for k in kinto])
    print(f'| Kinto ({kinto[0]["N"]:,} reports, memory backend, median of {len(kinto)}) | '
          f'push {figure(kpush)} reports/s, pull {figure(kpull)} reports/s |')
    if serve:
        print(f'| pull serving rate / Kinto pull | {serve / kpull:.2f} |')
    device_pull = median([pick(r, 'pull, server to device B') for r in new])
    print(f'| device pull / Kinto pull | {device_pull / kpull:.2f} |')
for label, prefix in (('push without HTTP (body parse + TownshipStore.push), in round', 'push without HTTP'),
                      ('raw SQLite (C API, server checkpoints), in round after the push', 'raw SQLite'),
                      ('server peak resident memory', 'server peak'),
                      ('incremental sync of 10, loaded server', 'incremental sync of 10, server'),
                      ('incremental sync of 10, empty server', 'incremental sync of 10, empty')):
    values = [pick(r, prefix) for r in new]
    if any(v is not None for v in values):
        unit = ' MB' if 'memory' in label else ' ms' if 'incremental' in label else ' changes/s'
        value = median(values)
        text = f'{value:.1f}{unit}' if 'incremental' in label else figure(value, unit)
        print(f'| {label} | {text} |')

floors = [json.loads(l) for l in (read('floor.jsonl') or '').splitlines() if l.startswith('{')]
if floors:
    groups = {}
    for f in floors:
        key = (f['policy'], f['impl'], f['foreign_keys'])
        groups.setdefault(key, []).append(f['changes_per_s'])
    count = floors[0]['changes']
    for (policy, impl, fk), rates in sorted(groups.items()):
        print(f'| SQLite alone, {count:,} pushed changes\' rows, checkpoints {policy}, {impl}'
              f'{", foreign keys on" if fk else ""} (median; runs) | {figure(median(rates))} '
              f'changes/s; {", ".join(figure(r) for r in rates)} |')
    for policy in ('none', 'auto', 'server'):
        raw = groups.get((policy, 'swift-raw', False))
        py = groups.get((policy, 'python', False))
        grdb = groups.get((policy, 'swift-grdb', False))
        if raw and py:
            print(f'| checkpoints {policy}: Swift C API / Python sqlite3'
                  + (' / GRDB' if grdb else '') + f' | 1 : {median(py) / median(raw):.2f}'
                  + (f' : {median(grdb) / median(raw):.2f}' if grdb else '') + ' |')
    push = median([pick(r, 'push, device A') for r in new])
    floor = groups.get(('server', 'swift-raw', False))
    if floor and push:
        print(f'| end-to-end push / SQLite alone (C API, server checkpoints, same run) | '
              f'{push / median(floor):.2f} |')
    none = groups.get(('none', 'swift-raw', False))
    if none and push:
        print(f'| end-to-end push / SQLite alone (C API, no checkpoints) | {push / median(none):.2f} |')
SUMMARY

# What one change's Ed25519 signature costs here, on one thread (µs per change).
if [ -n "${TLS:-}" ]; then
  echo "Ed25519, 100,000 changes of the rounds' shape" >&2
  echo "signatures, one thread: $("$NEW/liaison-sync-bench" signatures --changes 100000)"
fi

# The ceiling under all of it at two state sizes: SQLite alone, synthetic rows of the server's
# shape (row-size.py without --rows).
[ -n "${PAIRS_ONLY:-}" ] || python3 tools/sync-benchmark/row-size.py "$N" 2
