#!/usr/bin/env python3
"""SQLite alone storing what the server stores per new report, at two state sizes.

What a push costs SQLite with no HTTP, JSON, validation or merge: the server's v7 schema
(report and change tables and their indexes), one report row and one change row per change,
transactions of 1,000, WAL with synchronous = FULL. Run it in the same session as
run.sh and read the ratio, not the rate.
usage: python3 tools/sync-benchmark/row-size.py [changes=100000] [rounds=2]"""
import os, sqlite3, sys, tempfile, time, uuid

SCHEMA = '''
CREATE TABLE report (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, state BLOB NOT NULL,
  village TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL, details TEXT NOT NULL,
  urgency TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT NOT NULL, due TEXT NOT NULL,
  deleted INTEGER NOT NULL, conflicted INTEGER NOT NULL, created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL);
CREATE INDEX report_by_creation ON report (created_at DESC, id);
CREATE TABLE change (seq INTEGER PRIMARY KEY AUTOINCREMENT, report TEXT NOT NULL,
  replica TEXT NOT NULL, counter INTEGER NOT NULL, author TEXT NOT NULL, time INTEGER NOT NULL,
  body BLOB NOT NULL, report_key INTEGER, UNIQUE (replica, counter));
CREATE INDEX change_by_report ON change (report_key, seq);
CREATE INDEX change_by_replica ON change (replica, seq);
'''


def changes_per_second(directory, state_bytes, count, batch=1000, body_bytes=350):
    path = os.path.join(directory, f'rows-{state_bytes}.sqlite')
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ('journal_mode = WAL', 'synchronous = FULL', 'cache_size = -32768',
                   'wal_autocheckpoint = 0'):
        db.execute(f'PRAGMA {pragma}')
    db.executescript(SCHEMA)
    state, body = b's' * state_bytes, b'b' * body_bytes
    replica = 'bec3c2a0f9bc37c169b0d8aa9328962a'
    rows = []
    for i in range(count):
        rid = str(uuid.uuid4())
        rows.append(((i + 1, rid, state, '东村', 'visit', f'走访 {i}', '村民反映情况，需要跟进。',
                      'normal', 'open', '', '', 0, 0, 1795274728623 + i, 1795274728623 + i),
                     (rid, replica, i + 1, '李伟', 1795274728623 + i, body, i + 1)))
    started = time.perf_counter()
    for start in range(0, count, batch):
        db.execute('BEGIN')
        db.executemany('INSERT INTO report VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                       [r[0] for r in rows[start:start + batch]])
        db.executemany('INSERT INTO change (report, replica, counter, author, time, body, '
                       'report_key) VALUES (?,?,?,?,?,?,?)', [r[1] for r in rows[start:start + batch]])
        db.execute('COMMIT')
    elapsed = time.perf_counter() - started
    db.close()
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return round(count / elapsed)


if __name__ == '__main__':
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as directory:
        for state_bytes in (1155, 400):
            rates = [changes_per_second(directory, state_bytes, count) for _ in range(rounds)]
            print(f'| SQLite alone, {state_bytes}-byte states | {", ".join(f"{r:,}" for r in rates)} changes/s |')
