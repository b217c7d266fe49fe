#!/usr/bin/env python3
"""SQLite alone storing what the server stores per new report, at two state sizes.

What a push costs SQLite with no HTTP, JSON, validation or merge: the server's v7 schema
(report and change tables and their indexes), one report row and one change row per change,
transactions of 1,000, WAL with synchronous = FULL. Run it in the same session as
run.sh and read the ratio, not the rate.
usage: python3 tools/sync-benchmark/row-size.py [changes=100000] [rounds=2]

With --rows FILE (written by `liaison-sync-bench --rows-out FILE`) it stores the server's own
rows instead, as `liaison-sync-bench floor --rows FILE` does from Swift: same schema, pragmas,
transactions and checkpoint policy, one JSON line per measure.
usage: python3 tools/sync-benchmark/row-size.py --rows FILE [--policy none|auto|server]
         [--batch 1000] [--foreign-keys] [--times 1]"""
import json, os, sqlite3, sys, tempfile, threading, time, uuid

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


POLICIES = {
    # No checkpoint at all: the log grows to hold every page.
    'none': ['wal_autocheckpoint = 0'],
    # SQLite's default: the committing connection checkpoints past 1,000 pages.
    'auto': ['wal_autocheckpoint = 1000'],
    # The server's: a passive checkpoint on a connection and thread of their own after every
    # commit, the writer's own only past 8,000 pages, the log cut back to 8 MiB.
    'server': ['wal_autocheckpoint = 8000', 'journal_size_limit = 8388608'],
}


class BackgroundCheckpointer:
    """The server's Checkpointer: requests made while one waits to run share it. sqlite3
    releases the GIL while SQLite works, so the checkpoint runs beside the next write."""

    def __init__(self, path):
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5)
        self.wanted = threading.Event()
        self.stopping = False
        self.thread = threading.Thread(target=self.loop)
        self.thread.start()

    def commit_did_end(self):
        self.wanted.set()

    def loop(self):
        while True:
            self.wanted.wait()
            self.wanted.clear()
            if self.stopping:
                break
            self.db.execute('PRAGMA wal_checkpoint(PASSIVE)').fetchall()

    def finish(self):
        self.stopping = True
        self.wanted.set()
        self.thread.join()
        self.db.close()


def stored_rows(rows_path):
    """The schema, report rows and change rows of a rows file, as sqlite3 reads them."""
    source = sqlite3.connect(rows_path)
    schema = [sql for (sql,) in source.execute('SELECT sql FROM schema_sql ORDER BY position')]
    cursor = source.execute('SELECT * FROM report_rows ORDER BY rowid')
    columns = [d[0] for d in cursor.description]
    reports = cursor.fetchall()
    changes = source.execute('SELECT report, report_key, replica, counter, author, time, body '
                             'FROM change_rows ORDER BY rowid').fetchall()
    source.close()
    return schema, columns, reports, changes


def floor(rows_path, policy, batch, foreign_keys, path):
    """Changes per second for SQLite storing the rows file's rows, Swift's floor's way."""
    schema, columns, reports, changes = stored_rows(rows_path)
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ['journal_mode = WAL', 'synchronous = FULL', 'cache_size = -32768'] + \
            POLICIES[policy] + [f'foreign_keys = {"ON" if foreign_keys else "OFF"}']:
        db.execute(f'PRAGMA {pragma}').fetchall()
    for sql in schema:
        db.execute(sql)
    insert_report = (f'INSERT INTO report ({", ".join(columns)}) '
                     f'VALUES ({", ".join("?" for _ in columns)})')
    insert_change = ('INSERT INTO change (report, report_key, replica, counter, author, time, body) '
                     'VALUES (?, ?, ?, ?, ?, ?, ?)')
    checkpointer = BackgroundCheckpointer(path) if policy == 'server' else None
    started = time.perf_counter()
    for start in range(0, len(changes), batch):
        db.execute('BEGIN')
        db.executemany(insert_report, reports[start:start + batch])
        db.executemany(insert_change, changes[start:start + batch])
        db.execute('COMMIT')
        if checkpointer:
            checkpointer.commit_did_end()
    elapsed = time.perf_counter() - started
    if checkpointer:
        checkpointer.finish()
    db.close()
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return len(changes) / elapsed, len(changes)


def floor_main(arguments):
    import argparse
    parser = argparse.ArgumentParser(prog='row-size.py')
    parser.add_argument('--rows', required=True)
    parser.add_argument('--policy', choices=sorted(POLICIES), default='none')
    parser.add_argument('--batch', type=int, default=1000)
    parser.add_argument('--foreign-keys', action='store_true')
    parser.add_argument('--times', type=int, default=1)
    parser.add_argument('--scratch')
    options = parser.parse_args(arguments)
    path = options.scratch or options.rows + '.floor-py.sqlite'
    for _ in range(max(options.times, 1)):
        rate, count = floor(options.rows, options.policy, options.batch, options.foreign_keys, path)
        print(json.dumps({'impl': 'python', 'policy': options.policy,
                          'foreign_keys': options.foreign_keys, 'batch': options.batch,
                          'changes': count, 'changes_per_s': round(rate)}), flush=True)


if __name__ == '__main__' and '--rows' in sys.argv:
    floor_main(sys.argv[1:])
elif __name__ == '__main__':
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    with tempfile.TemporaryDirectory() as directory:
        for state_bytes in (1155, 400):
            rates = [changes_per_second(directory, state_bytes, count) for _ in range(rounds)]
            print(f'| SQLite alone, {state_bytes}-byte states | {", ".join(f"{r:,}" for r in rates)} changes/s |')
