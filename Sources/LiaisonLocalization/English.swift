extension Catalogue {
  /// The English catalogue: the reference every other language matches key for key.
  public static let english: [String: String] = [
    // MARK: Fields
    "field.village": "village",
    "field.category": "category",
    "field.title": "title",
    "field.details": "details",
    "field.urgency": "urgency",
    "field.status": "status",
    "field.location": "location",
    "field.parties": "parties",
    "field.assignee": "assignee",
    "field.due": "due",
    "field.deleted": "deleted",

    // MARK: Values
    "value.hazard": "hazard",
    "value.dispute": "dispute",
    "value.assistance": "assistance",
    "value.grievance": "grievance",
    "value.visit": "visit",
    "value.other": "other",
    "value.urgent": "urgent",
    "value.high": "high",
    "value.normal": "normal",
    "value.low": "low",
    "value.open": "open",
    "value.in_progress": "in progress",
    "value.resolved": "resolved",
    "value.closed": "closed",

    // MARK: Common
    "common.error": "error: {message}",
    "common.none": "none",

    // MARK: errors
    "common.column.id": "ID",
    "common.column.created": "CREATED",
    "common.column.village": "VILLAGE",
    "common.column.category": "CATEGORY",
    "common.column.urgency": "URGENCY",
    "common.column.status": "STATUS",
    "common.column.title": "TITLE",
    "common.column.code": "CODE",
    "common.column.why": "WHY",
    "common.deletedTitle": "{title} (deleted)",
    "common.noValue": "(none)",
    "common.export.done": "Exported {count} reports to {path}",
    "common.export.cannotWrite": "cannot write {path}",
    "common.needVillage": "give at least one --village",
    "common.pinForm": "{option} must be {form}",
    "common.option.all": "Include deleted reports.",
    "common.option.exportFormat": "csv or json.",
    "common.option.format": "table (for people) or json.",
    "common.option.output": "Write to this file instead of standard output.",
    "common.option.oneOf": "One of: {choices}.",
    "common.option.reportID": "The report id, or a unique prefix of it.",
    "common.show.heading": "Report {id}",
    "common.show.headingDeleted": "Report {id}  (deleted)",
    "common.show.inConflict":
      "In conflict: {fields} (an administrator decides; the first value is shown meanwhile)",
    "common.show.label": "{field}:",
    "common.show.conflictedField": "{label} [conflict]",
    "common.show.concurrentValue": "{value}  — {author}, device {device}, {time}",
    "common.show.deletionConflict":
      "deleted:  [conflict] a delete crossed with edits made without seeing it; the report stays visible until decided",
    "common.show.notes": "notes:",
    "common.filter.village": "Only this village.",
    "common.filter.category": "Only this category.",
    "common.filter.status": "Only this status.",
    "common.filter.urgency": "Only this urgency.",
    "common.filter.conflicted": "Only reports in conflict.",
    "common.filter.search": "Only reports whose title or details contain this text.",
    "common.filter.limit": "Show at most this many; 0 shows all.",
    "common.filter.limitNegative": "--limit must be 0 or more",
    "common.pinFormText": "sha256: followed by 64 hexadecimal digits",
    "common.choice": "{value} ({name})",
    "common.listSeparator": ", ",
    "common.seeHelp": "See '{command} --help' for more information.",
    "error.other": "{message}",
    "error.store.notInitialized":
      "no Liaison store at {path}; run `liaison init --name NAME --village VILLAGE` first",
    "error.store.alreadyInitialized":
      "a Liaison store already exists at {path}; it was left as it was",
    "error.store.notAStore":
      "{path} is not a usable Liaison store ({reason}); it was left as it was",
    "error.store.newerVersion":
      "the store at {path} was written by a newer version of Liaison; upgrade liaison to use it",
    "error.store.unknownReport":
      "no report id starts with \"{prefix}\"; `liaison list` shows the ids",
    "error.store.ambiguousReport":
      "{count} report ids start with \"{prefix}\" ({ids}); give more characters",
    "error.store.malformedReportID":
      "\"{prefix}\" is not a report id or id prefix; ids are lowercase hexadecimal like 3f2a9c1e",
    "error.store.villageNotEnrolled":
      "this device is not enrolled for village \"{village}\"; its villages are: {villages}",
    "error.store.reportDeleted": "report {id} is deleted; `liaison restore {id}` first",
    "error.store.cursorBeyondLog":
      "cursor {cursor} is past the end of this server's log ({end}): it is not one this server gave out (was the server restored from an older backup?); pull from the start",
    "error.store.busy": "the database is busy ({cause}); try again in a moment",
    "error.store.database": "database error: {message}",
    "error.sync.unreachable":
      "cannot reach the server at {url} ({reason}); your changes are kept and will be sent next time",
    "error.sync.revoked": "the server refused this device: its credential was revoked ({message})",
    "error.sync.refused": "the server refused the request ({status} {code}): {message}",
    "error.sync.badAnswer": "the server's answer was not understood: {detail}",
    "error.sync.cursorRefused": "the server refused this device's pull cursor: {message}",
    "error.sync.notEnrolled":
      "this device is not enrolled yet; run `liaison enroll LINK` with the link `township enroll` printed",
    "error.sync.pinMismatch":
      "the server at {url} presented certificate {presented}, not the pinned {expected}: refused, nothing sent (if the township replaced its certificate, enrol again with a new link)",
    "error.sync.serverUsesTLS":
      "the server at {url} speaks TLS (https): enrol with its https:// link, which carries its pin; a device enrolled already runs `liaison repin sha256:... --server https://...` with the pin the township gives",
    "error.sync.serverWithoutTLS":
      "the server at {url} does not speak TLS ({reason}); http:// is only for a server started with --insecure-http",
    "error.admin.stale":
      "report {id} changed since it was shown (now version {version}); look at it again",
    "error.admin.notInConflict": "field {field} of report {id} is not in conflict",
    "error.admin.noConflict": "report {id} has no conflict to resolve",
    "error.admin.noSuchValue":
      "{field} has {count} concurrent values; pick 1 to {count}, not {pick}",
    "error.admin.nothingFrom":
      "device {device} wrote none of the conflicting values of this report",
    "error.admin.unknownDevice":
      "no device has the id, id prefix or name \"{device}\"; `township devices` lists them",
    "error.admin.ambiguousDevice":
      "{count} devices match \"{device}\" ({matches}); give more of the id",
    "error.admin.nameTaken":
      "an administrator is already called \"{name}\"; choose another name, so the audit trail tells them apart",
    "error.admin.deletionUndecided":
      "decide whether the report stays deleted first: township resolve {id} --field deleted --pick 1 (restore it) or --pick 2 (keep it deleted); or take a device's values, deletion included, with --all-from",
    "error.admin.alreadyRevoked":
      "{name}'s device {device} was revoked already; `township devices` shows when",
    "error.access.unauthenticated": "no valid credential was presented",
    "error.access.revoked":
      "this device's credential has been revoked; ask the township office to enrol it again",
    "error.access.invalid_code": "the enrolment code is unknown, already used or expired",
    "error.access.replica_taken": "this device's replica id is already in use at the township",
    "error.access.forbidden": "this needs an administrator credential",
    "error.access.key_in_use":
      "this signing key is already bound to another replica at the township; every device has its own key",
    "error.access.key_bound":
      "this device already has a different signing key bound at the township; a key is bound once, so enrol the device again to change it",
    "error.csv.unterminatedQuote":
      "CSV line {line}: a quoted field starts here but its closing quote is missing",
    "error.csv.textAfterClosingQuote":
      "CSV line {line}: text after a closing quote; a field's quotes must enclose it",
    "error.csv.invalidUTF8":
      "CSV line {line}: not valid UTF-8; save the file as UTF-8 and try again",
    "error.invalid.bare.required": "{field} is required",
    "error.invalid.valued.required": "{field} \"{value}\" is required",
    "error.invalid.bare.not_allowed": "{field} is not allowed; use one of: {allowed}",
    "error.invalid.valued.not_allowed": "{field} \"{value}\" is not allowed; use one of: {allowed}",
    "error.invalid.bare.empty": "{field} is empty; write at least one visible character",
    "error.invalid.valued.empty":
      "{field} \"{value}\" is empty; write at least one visible character",
    "error.invalid.bare.too_long": "{field} is too long; at most {maximum} characters are allowed",
    "error.invalid.valued.too_long":
      "{field} \"{value}\" is too long; at most {maximum} characters are allowed",
    "error.invalid.bare.invalid_date":
      "{field} is not a real date; write YYYY-MM-DD, for example 2026-03-15",
    "error.invalid.valued.invalid_date":
      "{field} \"{value}\" is not a real date; write YYYY-MM-DD, for example 2026-03-15",
    "error.invalid.bare.invalid_coordinates":
      "{field} is not a valid point; write LATITUDE,LONGITUDE in decimal degrees, latitude -90 to 90, longitude -180 to 180, at most 7 decimal places, for example 31.2304,121.4737",
    "error.invalid.valued.invalid_coordinates":
      "{field} \"{value}\" is not a valid point; write LATITUDE,LONGITUDE in decimal degrees, latitude -90 to 90, longitude -180 to 180, at most 7 decimal places, for example 31.2304,121.4737",
    "error.invalid.bare.control_character":
      "{field} contains a control character, which is not allowed here",
    "error.invalid.valued.control_character":
      "{field} \"{value}\" contains a control character, which is not allowed here",
    "error.invalid.bare.not_normalized": "{field} is not in Unicode Normalization Form C",
    "error.invalid.valued.not_normalized":
      "{field} \"{value}\" is not in Unicode Normalization Form C",
    "error.invalid.bare.wrong_type": "{field} has the wrong type; expected {expected}",
    "error.invalid.valued.wrong_type":
      "{field} \"{value}\" has the wrong type; expected {expected}",
    "error.invalid.bare.unknown_field": "{field} is not a report field; fields are: {fields}",
    "error.invalid.valued.unknown_field":
      "{field} \"{value}\" is not a report field; fields are: {fields}",
    "error.invalid.bare.invalid_clock": "{field} breaks the clock rules: {reason}",
    "error.invalid.valued.invalid_clock": "{field} \"{value}\" breaks the clock rules: {reason}",
    "error.invalid.bare.invalid_id": "{field} is not a valid id",
    "error.invalid.valued.invalid_id": "{field} \"{value}\" is not a valid id",
    "error.invalid.bare.malformed": "{field} is malformed: {reason}",
    "error.invalid.valued.malformed": "{field} \"{value}\" is malformed: {reason}",
    "error.invalid.bare.bad_signature": "{field} is not a valid signature: {reason}",
    "error.invalid.valued.bad_signature": "{field} \"{value}\" is not a valid signature: {reason}",
    "error.link.badCode": "the code must be letters and digits, as `township enroll` printed it",
    "error.link.noFragment":
      "the link has no #code=...: copy the whole link `township enroll` printed",
    "error.link.wrongPath": "an enrolment link's address ends in /enrol#code=...",
    "error.link.noCode": "the link carries no code=",
    "error.link.badPin": "the link's pin must be {form}",
    "error.link.httpsNeedsPin":
      "an https:// server needs its certificate's pin (sha256:...): use the enrolment link, or give --pin",
    "error.link.pinWithoutTLS":
      "a pin belongs to an https:// server; http:// is only for a server started with --insecure-http",
    "error.link.badScheme":
      "the server's address must start with https:// (or http:// for a server without TLS)",
    "error.link.noHost": "the server's address has no host: {server}",

    // MARK: liaison
    "liaison.abstract":
      "Record and manage village reports on a field device, with or without a network.",
    "liaison.discussion": """
    Reports live in a local store that survives power cuts; sync sends them to the township server when a link appears. Ids can be shortened to any unique prefix, as with git.

    Getting started:
      liaison init --name 李伟 --village 东村
      liaison new --category dispute --title 水渠纠纷 --details "两户争用水渠"
      liaison list
      liaison show 3f2a9c1e --history
      liaison enroll 'https://township.local:8080/enrol#code=CODE&pin=sha256:...'
      liaison sync

    The store is in --store DIR, else $LIAISON_HOME, else ~/.liaison.
    """,
    "liaison.edit.abstract": "Change some fields of a report; the others keep their values.",
    "liaison.edit.discussion": """
      liaison edit 3f2a --status in_progress --assignee 张主任
      liaison edit 3f2a --details ""          (an empty value clears an optional field)
    """,
    "liaison.edit.nothing":
      "nothing to change: give at least one field, for example --status resolved",
    "liaison.edit.updated": "Updated {id}: {fields}",
    "liaison.note.abstract":
      "Append a note to a report. Notes are never edited and never conflict.",
    "liaison.note.discussion": "  liaison note 3f2a \"已电话联系双方\"",
    "liaison.note.text": "The note's text.",
    "liaison.note.added": "Added a note to {id}",
    "liaison.delete.abstract": "Delete a report. It is kept as a tombstone and can be restored.",
    "liaison.delete.done": "Deleted {id}; `liaison restore {id}` undoes it",
    "liaison.restore.abstract": "Restore a deleted report.",
    "liaison.restore.done": "Restored {id}",
    "liaison.option.village": "The village; one this device is enrolled for.",
    "liaison.option.title": "A short title, 1 to 200 characters.",
    "liaison.option.details": "What happened, up to 20,000 characters. Empty clears it.",
    "liaison.option.urgency": "One of: {choices} (new reports: normal).",
    "liaison.option.status": "One of: {choices} (new reports: open).",
    "liaison.option.location": "Where, in words. Empty clears the location.",
    "liaison.option.coordinates":
      "LATITUDE,LONGITUDE in decimal degrees, for example 31.2304,121.4737.",
    "liaison.option.parties": "The people involved.",
    "liaison.option.assignee": "Who is handling it.",
    "liaison.option.due": "Due date, YYYY-MM-DD. Empty clears it.",
    "liaison.option.name":
      "The liaison who uses this device; every change is attributed to this name.",
    "liaison.option.initVillage": "A village this device records reports for; repeat for several.",
    "liaison.option.note": "A first note to attach.",
    "liaison.option.link":
      "The enrolment link `township enroll` printed (quote it: it holds # and &).",
    "liaison.option.server":
      "The township server's address, for example https://192.168.1.10:8080.",
    "liaison.option.code": "The one-time enrolment code.",
    "liaison.option.pin":
      "The pin of the server's certificate, sha256:... (not for an http:// server).",
    "liaison.option.batchSize": "Changes per request, 1 to 1000.",
    "liaison.option.newPin": "The pin of the township's new certificate, sha256:...",
    "liaison.option.newServer":
      "The server's new address, if it changed; default: the enrolled one.",
    "liaison.option.history": "Show every change to the report instead, oldest first.",
    "liaison.option.refused": "List the changes the server refused, with its reasons.",
    "liaison.option.store": "The store directory.",
    "liaison.option.store.discussion": "Default: $LIAISON_HOME, else ~/.liaison.",
    "liaison.new.abstract": "Record a new report and print its id.",
    "liaison.new.discussion": """
    Give fields as flags. On a terminal, fields that are missing are asked for one by one; elsewhere (scripts) the required ones must be given.
      liaison new --category hazard --title 桥梁裂缝 --urgency high --location 村口石桥
    """,
    "liaison.new.missing": "missing {flags}; they are required for a new report",
    "liaison.new.hint": " ({choices})",
    "liaison.new.ask": "{field}{hint}: ",
    "liaison.new.askOptional": "{field}{hint} [Enter to skip]: ",
    "liaison.new.notGiven": "no {field} given",
    "liaison.init.abstract": "Create the store on this device.",
    "liaison.init.discussion": """
    Run once per device. It never overwrites an existing store.
      liaison init --name 李伟 --village 东村 --village 西村
    """,
    "liaison.init.created": "Created a store for {name} at {path}",
    "liaison.init.villages": "Villages: {villages}; device id {device}",
    "liaison.list.abstract": "List reports, newest first.",
    "liaison.list.discussion": """
    A ! before the id marks a report in conflict.
      liaison list --village 东村 --status open
      liaison list --search 水渠 --limit 10
      liaison list --conflicted --format json
    """,
    "liaison.show.abstract": "Show a report: every field, concurrent values if any, and notes.",
    "liaison.show.discussion": """
    In a conflict every concurrent value is listed with its author, device and time; the one marked * is the provisional value every device shows until an administrator decides.
      liaison show 3f2a
      liaison show 3f2a --history      (every change: who, when, old and new values)
    """,
    "liaison.history.entry": "#{sequence}  {time}  {author}  (device {device}, change {counter})",
    "liaison.history.entryUnsigned":
      "#{sequence}  {time}  {author}  (device {device}, change {counter})  unsigned: written before signed changes",
    "liaison.history.note": "note: {note}",
    "liaison.history.deleted": "deleted the report",
    "liaison.history.restored": "restored the report",
    "liaison.status.abstract":
      "Show the store, this device's identity, and what has not been sent yet.",
    "liaison.status.discussion": """
    A change the server refuses (for example an edit to a report that has moved to a village
    this device is not enrolled for) stays on this device but never reaches the township.
    `liaison status` counts them; `liaison status --refused` lists each with the server's
    reason, and any change the server sent that this device could not accept (kept, never
    applied, so one bad change never stops a sync).
    """,
    "liaison.status.store": "Store:        {path}",
    "liaison.status.device": "Device:       {device}",
    "liaison.status.liaison": "Liaison:      {name}",
    "liaison.status.villages": "Villages:     {villages}",
    "liaison.status.reports":
      "Reports:      {reports} ({conflicted} in conflict, {deleted} deleted)",
    "liaison.status.changes": "Changes:      {changes} in the log, {unsent} not yet sent",
    "liaison.status.server": "Server:       {url}",
    "liaison.status.notEnrolled": "Server:       not enrolled",
    "liaison.status.lastSync": "Last sync:    {time}",
    "liaison.status.neverSynced": "Last sync:    never",
    "liaison.status.refused":
      "Refused:      {count} changes the server refused (liaison status --refused)",
    "liaison.status.unreadable":
      "Unreadable:   {count} changes received that this device could not accept (liaison status --refused)",
    "liaison.refused.none": "The server has refused none of this device's changes.",
    "liaison.refused.column.report": "REPORT",
    "liaison.refused.column.written": "WRITTEN",
    "liaison.refused.column.received": "RECEIVED",
    "liaison.refused.explanation": """
    These changes are kept on this device but did not reach the township. Ask the
    administrator about each one, then write it again where the server accepts it.
    """,
    "liaison.unreadable.heading": "Received from the server but not accepted here:",
    "liaison.unreadable.explanation": """
    The server sent these changes, but this device could not read them (a newer server,
    or damage on the way); they were not applied. `--format json` shows each one whole.
    """,
    "liaison.export.abstract": "Export every report as CSV (opens in spreadsheets) or JSON.",
    "liaison.export.discussion": """
    CSV is UTF-8 with a byte-order mark so spreadsheets keep Chinese text intact, quoted per RFC 4180; cells that a spreadsheet would run as formulas are prefixed with '.
      liaison export --format csv --output reports.csv
      liaison export --format json > reports.json
    """,
    "liaison.enroll.abstract":
      "Link this device to its township server with the enrolment link the office gave.",
    "liaison.enroll.discussion": """
    The township office runs `township enroll --name NAME --village V` and gives you a link (in person, as a QR code, or by a message you trust). It carries the server's address, a one-time code, and the pin of the server's certificate:
      liaison enroll 'https://192.168.1.10:8080/enrol#code=k7m2p9qrx4ab3cde&pin=sha256:3f...'
    or, typed by parts:
      liaison enroll --server https://192.168.1.10:8080 --code k7m2p9qrx4ab3cde --pin sha256:3f...
    The device reads the server's certificate, refuses a server whose certificate is not the pinned one (naming both fingerprints, and storing nothing), and from then on trusts that certificate alone for every sync. An http:// address, without a pin, is only for a server started with --insecure-http.
    If the township later replaces its certificate, `liaison repin` trusts the new one and keeps this device's enrolment.
    """,
    "liaison.enroll.linkOrParts": "give the link, or --server, --code and --pin, not both",
    "liaison.enroll.needLink":
      "give the enrolment link `township enroll` printed, or --server URL --code CODE --pin sha256:...",
    "liaison.enroll.done":
      "Enrolled as {name} for {villages}; `liaison sync` sends and receives reports",
    "liaison.enroll.replicaTaken":
      "the server refused: {message}; if this device is enrolled there already and the township replaced its certificate, run `liaison repin sha256:...`",
    "liaison.repin.abstract": "Trust the township's new certificate after it replaced the old one.",
    "liaison.repin.discussion": """
    When the township replaces its server certificate, every sync refuses the server, naming the pinned fingerprint and the one presented. The office then gives you the new fingerprint, by a channel you trust (as for the enrolment link):
      liaison repin sha256:9c...
      liaison repin sha256:9c... --server https://192.168.1.20:8080   (it moved too)
    The device reads the server's certificate, refuses it unless it is the one named, checks that the server still knows this device's credential over the new certificate, and only then trusts it instead of the old one. Reports, log, id and credential stay as they are; nothing is sent again.
    """,
    "liaison.repin.pinForm": "the pin must be {form}",
    "liaison.repin.done":
      "Now trusting {pin} at {url} (was {old}); `liaison sync` goes on where it stopped",
    "liaison.sync.abstract":
      "Send this device's changes to the server, then receive everyone else's.",
    "liaison.sync.discussion":
      "Safe to interrupt: the next sync resumes where this one stopped, and nothing is sent or applied twice. On a terminal it shows a live progress line.",
    "liaison.sync.batchSize": "--batch-size must be 1 to 1000",
    "liaison.sync.progress": "sent {sent}, received {received} ({rate} changes/s)",
    "liaison.sync.done": "Synced: sent {sent}, received {received}",
    "liaison.sync.doneRefused":
      "Synced: sent {sent}, received {received}, {refused} refused by the server (`liaison status --refused` says which and why)",
    "liaison.sync.doneUnreadable":
      "Synced: sent {sent}, received {received}, {unreadable} received that this device could not accept (kept; `liaison status --refused` lists them)",
    "liaison.sync.doneBoth":
      "Synced: sent {sent}, received {received}, {refused} refused by the server (`liaison status --refused` says which and why), {unreadable} received that this device could not accept (kept; `liaison status --refused` lists them)",
    "liaison.upgrading":
      "Upgrading the store at {path} for this version of liaison (once; {changes} changes)...",
    "liaison.upgraded": "Upgraded.",
    "liaison.history.change": "{field}: {old} → {new}",

    // MARK: township
    "township.abstract": "Run a township's Liaison sync server and administer it.",
    "township.discussion": """
    Start a server over HTTPS on the embedded SQLite store (created on first run, with a self-signed certificate whose fingerprint devices pin):
      township serve
    Or create the store first, to keep the administrator token apart from the server's log:
      township init --store /srv/township && township serve --store /srv/township

    The store is in --store DIR, else $TOWNSHIP_HOME, else ~/.township.

    Administrators work over HTTPS, from any machine that reaches the server, pinning the certificate's fingerprint that `township serve` printed:
      township login --server https://127.0.0.1:8080 --pin sha256:... --token -
      township enroll --name 李伟 --village 东村    (a code, and a link for the device)
      township conflicts
      township conflict show 3f2a
      township resolve 3f2a --field title --pick 2 --reason "乙方核实"
      township devices
      township audit 3f2a
    An auditor checks that no change was altered after it was signed:
      township verify --store /srv/township
    A township moves onto PostgreSQL, server stopped, with its devices' enrolments:
      township migrate --from /srv/township --to postgres://township@db:5432/township
    The token comes from --token, else $TOWNSHIP_TOKEN, else what `township login` saved in $TOWNSHIP_HOME/admin.json, else ~/.township/admin.json.
    """,
    "township.option.server": "The township server's address.",
    "township.option.server.discussion": "Default: the one `township login` saved, else {default}.",
    "township.option.token": "An administrator token.",
    "township.option.token.discussion":
      "Default: $TOWNSHIP_TOKEN, else the one `township login` saved.",
    "township.option.pin":
      "The pin of the server's certificate, sha256:..., as `township serve` printed it.",
    "township.option.pin.discussion":
      "Default: $TOWNSHIP_PIN, else the certificate `township login` pinned for this server. Not for an http:// server.",
    "township.needToken":
      "give --token, set TOWNSHIP_TOKEN, or run `township login --server URL --token TOKEN` (`township init` printed the first token)",
    "township.needPin":
      "give --pin sha256:... (the certificate `township serve` printed), set TOWNSHIP_PIN, or `township login --server {server} --pin ...`",
    "township.unreachable": "cannot reach the township server at {url} ({reason}); check --server",
    "township.pinMismatch":
      "the server at {url} presented certificate {presented}, not the pinned {expected}: refused, nothing sent",
    "township.notAdministrator":
      "this token is not an administrator's; use the token `township init` or `township admin add` printed",
    "township.tokenRefused":
      "the server did not accept this token ({message}); check --token, TOWNSHIP_TOKEN or `township login`",
    "township.refusal.other": "the server refused ({code}): {message}",
    "township.refusal.unknown_report":
      "no report on the server has that id or id prefix; `township reports` lists them",
    "township.refusal.ambiguous_report":
      "several reports on the server start with that id prefix; give more of the id",
    "township.refusal.invalid_id":
      "that is not a report id or id prefix; ids are lowercase hexadecimal like 3f2a9c1e",
    "township.refusal.not_in_conflict":
      "that report or field is not in conflict; `township conflicts` lists what is",
    "township.refusal.no_such_value":
      "there is no value with that number; `township conflict show` numbers them",
    "township.refusal.nothing_from_device":
      "that device wrote none of the conflicting values of this report",
    "township.refusal.unknown_device":
      "no device has that id, id prefix or name; `township devices` lists them",
    "township.refusal.ambiguous_device": "several devices match; give more of the id",
    "township.refusal.name_taken":
      "an administrator already has that name; choose another, so the audit trail tells them apart",
    "township.refusal.already_revoked":
      "that device was revoked already; `township devices` shows when",
    "township.refusal.deletion_undecided":
      "decide whether the report stays deleted first (--field deleted --pick 1 restores it, --pick 2 keeps it deleted), or take a device's values with --all-from",
    "township.refusal.busy": "the server's database is busy; try again in a moment",
    "township.refusal.internal": "the server failed on this request; its log says why",
    "township.age.seconds": "{count}s",
    "township.age.minutes": "{count}m",
    "township.age.hours": "{count}h",
    "township.age.days": "{count}d",
    "township.column.time": "TIME",
    "township.column.who": "WHO",
    "township.column.what": "WHAT",
    "township.column.reason": "REASON",
    "township.column.fields": "FIELDS",
    "township.column.devices": "DEVICES",
    "township.column.age": "AGE",
    "township.column.device": "DEVICE",
    "township.column.name": "NAME",
    "township.column.villages": "VILLAGES",
    "township.column.lastSeen": "LAST SEEN",
    "township.column.pending": "PENDING",
    "township.column.key": "KEY",
    "township.column.revoked": "REVOKED",
    "township.column.value": "VALUE",
    "township.column.author": "AUTHOR",
    "township.column.field": "FIELD",
    "township.audit.abstract":
      "Show who did what and when: administrators' actions, and a report's changes.",
    "township.audit.discussion": """
    Without ID: every administrator action (enrolments, revocations, resolutions with their reasons, new administrators). With a report ID: that report's whole trail, every change as the server received it and every resolution, oldest first.
      township audit
      township audit 3f2a
      township audit 3f2a --format json
    """,
    "township.audit.empty": "Nothing recorded yet.",
    "township.audit.entry": "{action} {subject}",
    "township.audit.entryDetail": "{action} {subject}: {detail}",
    "township.audit.set": "{field} = {value}",
    "township.audit.created": "created {title}",
    "township.audit.note": "note: {note}",
    "township.audit.deleted": "deleted",
    "township.audit.restored": "restored",
    "township.audit.unsigned": "(unsigned)",
    "township.audit.separator": "; ",
    "township.action.add_administrator": "add administrator",
    "township.action.bind_device_key": "bind device key",
    "township.action.enrol_device": "enrol device",
    "township.action.export_reports": "export reports",
    "township.action.issue_enrolment_code": "issue enrolment code",
    "township.action.refused_change": "refused change",
    "township.action.resolve_conflict": "resolve conflict",
    "township.action.revoke_device": "revoke device",
    "township.conflicts.abstract":
      "List the reports in conflict: what clashed, between which devices, since when.",
    "township.conflicts.discussion": """
    Each row is a report two or more devices changed while apart; AGE is how long its oldest conflict has waited for a decision. Look at one with `township conflict show ID`.
      township conflicts
      township conflicts --village 东村 --category dispute
      township conflicts --format json
    """,
    "township.conflicts.none": "No report is in conflict.",
    "township.conflict.abstract": "Look at one report's conflict before resolving it.",
    "township.conflict.discussion": "  township conflict show 3f2a",
    "township.conflictShow.abstract":
      "Show every conflicting value side by side, numbered for `township resolve`.",
    "township.conflictShow.discussion": """
    Each value is listed with the device that wrote it, the author and the time; * marks the provisional value every device shows until you decide. The fields that merged cleanly follow. The version printed is remembered (in $TOWNSHIP_HOME, else ~/.township): `township resolve` sends it, and the server refuses the resolution if the report has changed since.
      township conflict show 3f2a
      township resolve 3f2a --field title --pick 2 --reason "乙方核实"
    """,
    "township.unreadableReport": "the server sent a report this version cannot read: {reason}",
    "township.noReports": "the server's answer had no reports",
    "township.conflict.device": "device {device}",
    "township.conflict.keepDeleted": "deleted",
    "township.conflict.restore": "restored, keeping the edits",
    "township.conflict.heading": "Report {id}  {title}",
    "township.conflict.place": "Village {village}, {category}",
    "township.conflict.placeDeleted": "Village {village}, {category}, deleted",
    "township.conflict.version": "Version {version} (remembered for `township resolve`)",
    "township.conflict.none": "No conflict: every device agrees on this report.",
    "township.conflict.deletedField": "deleted (a delete crossed with edits)",
    "township.conflict.inFull": "In full:",
    "township.conflict.merged": "Merged cleanly",
    "township.conflict.howToResolve":
      "* marks the value every device shows until you decide. Resolve with:",
    "township.conflict.commands": """
      township resolve {id} --field {field} --pick N [--reason TEXT]
      township resolve {id} --field {field} --value TEXT
      township resolve {id} --all-from DEVICE
    """,
    "township.conflict.commandsDeleted": """
      township resolve {id} --field {field} --pick N [--reason TEXT]
      (for deleted: --pick 1 restores the report, --pick 2 keeps it deleted)
      township resolve {id} --all-from DEVICE
    """,
    "township.devices.abstract":
      "List enrolled devices: villages, last seen, changes waiting for them, revoked.",
    "township.devices.discussion": """
    DEVICE is the first 8 digits of the device's replica id: the same id `township conflict show`, `township audit` and `--all-from` use, and what `township revoke` takes. PENDING counts the changes to the device's villages that it has not pulled yet; it drops to 0 when the device next syncs.
      township devices
      township devices --format json
    """,
    "township.devices.none":
      "No device is enrolled yet; `township enroll --name NAME --village V` starts.",
    "township.devices.never": "never",
    "township.revoke.abstract": "Revoke a device: the server refuses it from its next request on.",
    "township.revoke.discussion": """
    DEVICE is the device as `township devices` shows it (its replica id's first 8 digits), any unique prefix of its replica or device id, or the liaison's name. The reason goes into the audit trail.
      township revoke 9c1e --reason "设备丢失"
      township revoke 李伟 --reason "调离本乡"
    """,
    "township.option.device":
      "The device (a unique prefix of its replica or device id), or the liaison's name.",
    "township.option.reason":
      "Why; recorded in the audit trail (one line, at most 1000 characters).",
    "township.revoke.done": "Revoked {name}'s device {device}.",
    "township.enroll.abstract":
      "Issue a one-time enrolment code and link for a liaison's device and the villages it serves.",
    "township.enroll.discussion": """
    Prints the code on the first line and the enrolment link on the second:
      https://HOST:PORT/enrol#code=CODE&pin=sha256:...
    The link carries the server's address, the code and the pin of the server's certificate; the liaison runs `liaison enroll LINK` on the device, which then trusts that certificate alone. Give the link by a channel you trust (in person, a QR code, a message you know the sender of): whoever holds it can enrol once, until it expires.
      township enroll --name 李伟 --village 东村 --village 西村
      township enroll --name 李伟 --village 东村 --format link
      township enroll --name 李伟 --village 东村 --format json
      township enroll --name 李伟 --village 东村 \\
        --link-server https://192.168.1.10:8080
    `--format link` prints the link alone, for scripts; `--format json` the code, link, name, villages and expiry. --link-server is the address devices use when it is not the one you reach the server by (you at localhost, devices over the LAN).
    """,
    "township.option.liaisonName": "The liaison's name.",
    "township.option.village": "A village the device may read and write; repeat for several.",
    "township.option.hours": "How long the code stays valid, in hours (at most 720).",
    "township.option.enrolmentFormat":
      "table (the code, then the link), link (the link alone) or json (code, link, name, villages, expiry).",
    "township.option.linkServer": "The server's address as devices reach it, for the link.",
    "township.option.linkServer.discussion":
      "Default: the address this command reaches the server by (--server).",
    "township.enroll.hours": "--hours must be 1 to 720",
    "township.enroll.badLink": "cannot make the enrolment link: {reason}",
    "township.enroll.issued": "One-time code for {name} ({villages}), valid until {expires}",
    "township.init.abstract":
      "Create the server's store and TLS certificate, and print the first administrator token, once.",
    "township.init.discussion": """
      township init --store /srv/township --name 王主任 --hostname township.local \\
        --hostname 192.168.1.10
      township init --store /srv/township --tls-cert chain.pem --tls-key key.pem
    It makes a P-256 key and a self-signed certificate (tls-key.pem and tls-certificate.pem in the store, readable by you only) and prints the certificate's fingerprint, sha256:..., which every enrolment link carries for devices to pin. With --tls-cert the chain must end with its self-signed root: devices pin that root.
    Then `township serve --store /srv/township`, and on the administrator's machine `township login --server https://HOST:8080 --pin sha256:... --token TOKEN`.
    With --database postgres://USER@HOST:PORT/DB (or $TOWNSHIP_DATABASE) the township's data goes to that PostgreSQL database, and the store directory keeps the key files.
    """,
    "township.option.firstAdministrator":
      "The first administrator's name, recorded in the audit trail.",
    "township.login.abstract":
      "Remember a server and an administrator token for the other commands.",
    "township.login.discussion": """
    Reads the server's certificate, checks it is the one --pin names (the fingerprint `township init` and `township serve` print), checks the token over a connection pinned to that certificate, then saves the server, the certificate and the token in $TOWNSHIP_HOME/admin.json, else ~/.township/admin.json, readable by you only. Every later command trusts that certificate alone. --token and $TOWNSHIP_TOKEN still take precedence over the saved token. With `--token -` the token is read from standard input, so it stays out of the shell's history and the process list.
      township login --server https://township.local:8080 --pin sha256:3f... --token lsn_...
      township login --server https://township.local:8080 --pin sha256:3f... --token - < token.txt
    A server started with --insecure-http takes an http:// address and no pin.
    """,
    "township.option.loginServer": "The township server's address.",
    "township.option.loginPin":
      "The pin of the server's certificate, sha256:...; default: $TOWNSHIP_PIN.",
    "township.option.loginToken":
      "An administrator token, as `township init` or `township admin add` printed; - reads it from standard input.",
    "township.login.noToken": "no token on standard input",
    "township.login.done": "Logged in to {server}; saved in {file}.",
    "township.admin.abstract": "Manage administrator credentials.",
    "township.admin.discussion": "  township admin add 王主任      (prints the new token once)",
    "township.adminAdd.abstract":
      "Create a further administrator credential and print its token, once.",
    "township.adminAdd.discussion": """
    The new administrator's name is recorded with each of their actions in the audit trail.
      township admin add 王主任 --reason "乡长任命"
    """,
    "township.option.newAdministrator": "The new administrator's name.",
    "township.adminAdd.token": "Administrator token for {name} (shown once; keep it safe)",
    "township.reports.abstract":
      "List the township's reports, newest first, with the filters of `liaison list`.",
    "township.reports.discussion": """
    A ! before the id marks a report in conflict.
      township reports --village 东村 --status open
      township reports --conflicted --format json
    """,
    "township.export.abstract":
      "Export every report of the township as CSV (opens in spreadsheets) or JSON.",
    "township.export.discussion": """
    The same columns and shape as `liaison export`, for every village.
      township export --format csv --output township.csv
      township export --format json > township.json
    """,
    "township.resolve.abstract":
      "Decide a conflict: the decision syncs to every device like any edit.",
    "township.resolve.discussion": """
    Run `township conflict show ID` first: resolve sends the version it showed, and the server refuses the decision if the report changed since (look again, then decide). Scripts may pass --expect VERSION instead. The decision, your name and the reason go into the audit trail.
      township resolve 3f2a --field title --pick 2 --reason "乙方核实"
      township resolve 3f2a --field urgency --value high
      township resolve 3f2a --field location --value 东村渠首 --coordinates 31.2304,121.4737
      township resolve 3f2a --field deleted --pick 2    (2 keeps it deleted, 1 restores it)
      township resolve 3f2a --all-from 李伟 --reason "李伟在现场"
    """,
    "township.option.field": "The field to decide, as `township conflict show` names it.",
    "township.option.pick": "Take the value numbered N in `township conflict show`.",
    "township.option.value": "Set this value instead (for deleted: yes or no).",
    "township.option.coordinates":
      "With --field location: LATITUDE,LONGITUDE in decimal degrees, for example 31.2304,121.4737.",
    "township.option.coordinates.discussion":
      "The place in words comes from --value; without it the location has none.",
    "township.option.allFrom": "Take every conflicting value this device wrote.",
    "township.option.allFrom.discussion":
      "The liaison's name, or the replica id prefix `township conflict show` prints beside it, or a device id or prefix.",
    "township.option.expect":
      "The version you decided on, for scripts; default: the one last shown.",
    "township.resolve.allFromAlone":
      "--all-from takes no --field, --pick, --value or --coordinates",
    "township.resolve.needField": "give --field F with --pick N or --value V, or --all-from DEVICE",
    "township.resolve.coordinatesLocation": "--coordinates goes with --field location",
    "township.resolve.pickOrCoordinates": "give --pick N or --coordinates, not both",
    "township.resolve.pickOrValue": "give exactly one of --pick N and --value V with --field",
    "township.resolve.stale":
      "report changed since you looked; run `township conflict show {id}` again",
    "township.resolve.done":
      "Resolved {fields} of {id}; devices get the decision on their next sync.",
    "township.resolve.remaining": "Still in conflict: {fields}.",
    "township.resolve.ambiguous":
      "{count} reports you have looked at start with \"{prefix}\"; give more of the id",
    "township.resolve.lookFirst":
      "look at the conflict first: run `township conflict show {id}`, then resolve (scripts may pass --expect VERSION)",
    "township.migrate.abstract":
      "Copy a township's SQLite store into an empty PostgreSQL database, and verify it.",
    "township.migrate.discussion": """
    Copies everything the township holds, as it is stored: every report's state, the change log under its own sequence numbers, the server's replica and counters, the devices with their keys and pull cursors, credentials and enrolment codes (as their digests), and the audit trail with the changes the server refused. Devices go on syncing with the tokens they have, without enrolling again and without receiving anything twice.

    Then it reads the copy back and compares it with the store before it says done: every row of every table, column by column, the log's bodies byte for byte, every report's canonical state, and the counts. The whole copy is one transaction: if anything fails, nothing is left in the database.

    The database must be empty (create it with `createdb`); one holding any table is refused, and left as it was. The store is only read (one an older version wrote is upgraded first, as `township serve` would), and its TLS and signing key files stay in its directory: the server starts from them.

    Stop the server and back the store directory up first, then:
      township migrate --from /srv/township --to postgres://township@db/township
      township serve --store /srv/township --database postgres://township@db/township
    A long copy says how far it got on standard error, every 10,000 rows.
    """,
    "township.option.from": "The township's SQLite store directory.",
    "township.option.to": "The empty PostgreSQL database, postgres://USER@HOST:PORT/DB.",
    "township.option.summaryFormat": "table (a summary) or json.",
    "township.migrate.noStore": "no township store at {path}",
    "township.migrate.upgrading": "township migrate: {upgrade}",
    "township.migrate.progress.copying": "copying {table}: {rows} of {total} rows",
    "township.migrate.progress.verifying": "verifying {table}: {rows} of {total} rows",
    "township.migrate.failed": """
    township migrate: {reason}
    Nothing was written to the database.
    """,
    "township.migrate.rows.report": "{count} reports",
    "township.migrate.rows.change": "{count} changes",
    "township.migrate.rows.device": "{count} devices",
    "township.migrate.rows.credential": "{count} credentials",
    "township.migrate.rows.enrollment": "{count} enrolment codes",
    "township.migrate.rows.audit": "{count} audit entries",
    "township.migrate.done": """
    Copied the township {replica} from {from} to {to}: {counts}; the log ends at sequence {sequence}.
    Verified: every row of every table, every change's bytes and every report's canonical state equal the store's.
    Start the server on it with its key files where they are:
      township serve --store {from} --database {to}
    """,
    "township.option.database": "The township's PostgreSQL database, postgres://USER@HOST:PORT/DB.",
    "township.option.database.discussion":
      "Default: $TOWNSHIP_DATABASE; without either, the embedded SQLite store in the store directory, which still holds the TLS and signing key files either way.",
    "township.option.databasePoolSize":
      "The most connections each server process keeps open to PostgreSQL.",
    "township.cannotCreate": "cannot create {path}: {reason}",
    "township.created.database": "the township in {database} (its key files in {directory})",
    "township.created.store": "the township store at {directory}",
    "township.created": """
    Created {what}.
    Administrator token for {administrator} (shown once; keep it safe):
      {token}

    """,
    "township.option.store": "The server's store directory.",
    "township.option.store.discussion": "Default: $TOWNSHIP_HOME, else ~/.township.",
    "township.tls.unreadable": "{path}: {reason}",
    "township.tls.half":
      "{path} holds one of {key} and {certificate} but not the other; restore it, or remove both to make a new certificate (devices then enrol again)",
    "township.tls.announce": """
    TLS certificate in {path}; devices pin its fingerprint:
      {pin}

    """,
    "township.option.hostname":
      "A name or address the new self-signed certificate carries; repeat for several.",
    "township.option.hostname.discussion":
      "Default: this machine's host name, localhost and 127.0.0.1. Devices check the pin, not the names, so a missing name does not stop them.",
    "township.option.tlsCert":
      "Your own certificate chain in PEM, instead of a new self-signed one.",
    "township.option.tlsCert.discussion":
      "Leaf first, up to and including its self-signed root: devices pin the root.",
    "township.option.tlsKey": "The private key (PEM) of --tls-cert's first certificate.",
    "township.tls.together": "give --tls-cert and --tls-key together",
    "township.tls.hostnameOrCert":
      "--hostname names a new certificate; --tls-cert brings its own names",
    "township.tls.cannotRead": "cannot read {option} {path}",
    "township.tls.mismatch": "--tls-cert {certificate} and --tls-key {key}: {reason}",
    "township.verify.abstract":
      "Check every change's signature and every report's state against its changes.",
    "township.verify.discussion": """
    Walks the whole change log in the store directory: every change's signature must hold for its author's key (changes written before signed changes are counted as unsigned, and allowed), and every report's stored state must equal the merge of its logged changes. Exits 0 only when all of that holds, 1 when something does not, 2 when the store cannot be read. It reads a snapshot, so a running server may go on serving.
      township verify --store /srv/township
      township verify --format json > verify.json
    """,
    "township.option.verifyFormat": "table (a summary and each failure) or json.",
    "township.verify.progress": "verified {changes} of {total} changes",
    "township.verify.unreadable": "township verify: {reason}",
    "township.verify.summary":
      "{changes} changes in {reports} reports at {path}: {signed} signed, {unsigned} unsigned (written before signed changes)",
    "township.verify.badChange":
      "BAD  change #{sequence} {dot} of report {report}: {code}: {message}",
    "township.verify.badReport":
      "BAD  report {report}: its stored state differs from the merge of its logged changes",
    "township.verify.holds":
      "OK: every signature holds, and every report is the merge of its changes",
    "township.verify.failed": "FAILED: {changes} changes and {reports} reports do not hold",
    "township.serve.abstract":
      "Serve the sync protocol and the web console over HTTPS until SIGINT or SIGTERM.",
    "township.serve.discussion": """
    On first run, with no store yet, it creates one with its TLS certificate and prints the administrator token. A store without a certificate (made before TLS) gets one. The line it prints on start names the address and the certificate's fingerprint:
      township serving /srv/township on https://0.0.0.0:8080 (certificate sha256:...)
    The township office's web console is served at / on the same address and certificate (docs/console.md): open https://HOST:PORT/ and sign in with an administrator token.
    Logs go to standard error, one line per request with its request id.
      township serve --store /srv/township --host 0.0.0.0 --port 8080
      township serve --insecure-http          (plain HTTP, loopback only: for trials)
    With --database postgres://USER@HOST:PORT/DB (or $TOWNSHIP_DATABASE), on PostgreSQL: several processes may serve one township, each given the same database and a copy of the same store directory (its TLS and signing key files).
    """,
    "township.option.host": "The address to listen on.",
    "township.option.port": "The port to listen on; 0 picks a free one.",
    "township.option.logLevel":
      "How much to log: trace, debug, info, notice, warning, error or critical.",
    "township.option.insecureHttp":
      "Serve plain HTTP, without TLS: tokens and residents' details cross the network in clear.",
    "township.option.insecureHttp.discussion":
      "Only on a loopback address unless --allow-remote-insecure-http is given too.",
    "township.option.allowRemoteInsecureHttp":
      "Let --insecure-http listen on an address other machines reach. Never in the field.",
    "township.serve.tlsGroup": "Certificate of a new store",
    "township.serve.allowRemoteAlone": "--allow-remote-insecure-http goes with --insecure-http",
    "township.serve.insecureRemote":
      "--insecure-http serves tokens and residents' details in clear, so only on a loopback address (127.0.0.1, ::1, localhost); --host {host} also needs --allow-remote-insecure-http",
    "township.serve.hasCertificate":
      "{path} already has its TLS certificate; to replace it, see the README's \"TLS and pinning\"",
    "township.serve.insecureWarning": """
    WARNING: serving plain HTTP (--insecure-http): tokens and residents' details cross the network in clear, and devices cannot tell this server from an impostor.

    """,

    // MARK: console
    "console.app": "Township liaison office",
    "console.skip": "Skip to the content",
    "console.nav.label": "Sections",
    "console.nav.dashboard": "Overview",
    "console.nav.reports": "Reports",
    "console.nav.conflicts": "Conflicts",
    "console.nav.devices": "Devices",
    "console.nav.audit": "Audit trail",
    "console.sign_out": "Sign out",
    "console.sign_in.title": "Sign in",
    "console.sign_in.token": "Administrator token",
    "console.sign_in.hint":
      "The token `township init` printed, or one `township admin add` gave you.",
    "console.sign_in.submit": "Sign in",
    "console.sign_in.refused": "That token is not valid: it is unknown or revoked.",
    "console.sign_in.device":
      "That is a device's token: only an administrator's token signs in to the console.",
    "console.error.title": "Something went wrong",
    "console.error.csrf":
      "This form has expired or did not come from this console. Open the page again and retry.",
    "console.error.form": "The form is too large.",
    "console.error.no_report": "There is no such report.",
    "console.error.no_device": "There is no such device.",
    "console.error.store": "The store could not answer: {message}",
    "console.back_dashboard": "Back to the overview",
    "console.dashboard.title": "Overview",
    "console.dashboard.weekly": "New and resolved reports per week, last 12 weeks",
    "console.dashboard.open": "Open reports by village and category",
    "console.dashboard.overdue": "Overdue ({count})",
    "console.dashboard.urgent": "Urgent and open ({count})",
    "console.dashboard.awaiting": "Conflicts awaiting a decision ({count})",
    "console.dashboard.none_open": "No open reports.",
    "console.dashboard.none_overdue": "Nothing is overdue.",
    "console.dashboard.none_urgent": "No urgent report is open.",
    "console.dashboard.none_awaiting": "No conflict awaits a decision.",
    "console.legend.new": "new",
    "console.legend.resolved": "resolved",
    "console.chart.weekly_summary": "Over {weeks} weeks: {new} new reports, {resolved} resolved.",
    "console.chart.open_summary": "{count} open reports in {villages} villages.",
    "console.chart.open_more":
      "The chart shows the {shown} villages with most open reports, of {villages}.",
    "console.col.title": "Title",
    "console.col.village": "Village",
    "console.col.category": "Category",
    "console.col.urgency": "Urgency",
    "console.col.status": "Status",
    "console.col.assignee": "Assignee",
    "console.col.due": "Due",
    "console.col.created": "Reported",
    "console.col.updated": "Last change",
    "console.col.decide": "Decision",
    "console.decide": "Decide",
    "console.tag.conflict": "conflict",
    "console.any": "any",
    "console.yes": "yes",
    "console.no": "no",
    "console.list_separator": ", ",
    "console.pages": "Pages",
    "console.page_prev": "Previous page",
    "console.page_next": "Next page",
    "console.csv": "Download these reports as CSV (opens in a spreadsheet)",
    "console.col.action": "Action",
    "console.col.administrator": "Administrator",
    "console.col.author": "Written by",
    "console.col.change": "Old → new",
    "console.col.detail": "Detail",
    "console.col.device": "Device",
    "console.col.devices": "Devices",
    "console.col.field": "Field",
    "console.col.fields": "Fields in conflict",
    "console.col.key": "Signing key",
    "console.col.last_seen": "Last seen",
    "console.col.name": "Liaison",
    "console.col.pending": "Changes pending",
    "console.col.reason": "Reason",
    "console.col.revoke": "Revoke",
    "console.col.since": "In conflict since",
    "console.col.state": "State",
    "console.col.subject": "Subject",
    "console.col.time": "Time",
    "console.col.value": "Value",
    "console.col.villages": "Villages",
    "console.col.who": "Who",
    "console.reports.title": "Reports",
    "console.reports.none": "No report matches these filters.",
    "console.reports.count.one": "1 report",
    "console.reports.count.other": "{count} reports",
    "console.reports.page_of": "Page {page} of {pages}",
    "console.filter.apply": "Apply",
    "console.filter.conflicted": "Only reports in conflict",
    "console.filter.search": "Search title and details",
    "console.filter.sort": "Sort by",
    "console.sort.date": "Date, newest first",
    "console.sort.urgency": "Urgency, most urgent first",
    "console.error.filter": "The filter {name} cannot be “{value}”.",
    "console.report.id": "Report",
    "console.report.deleted": "deleted",
    "console.report.decide": "This report is in conflict: decide it",
    "console.report.fields": "Fields",
    "console.report.notes": "Notes",
    "console.report.no_notes": "No notes.",
    "console.report.history": "History",
    "console.report.audit": "Audit entries",
    "console.audit.none": "No audit entries.",
    "console.audit.title": "Audit trail",
    "console.audit.report": "Report or device id",
    "console.history.note": "note",
    "console.choice.deleted": "deleted",
    "console.choice.restored": "restored, keeping the edits",
    "console.device_unknown": "device {replica}",
    "console.conflicts.title": "Conflicts awaiting a decision",
    "console.conflicts.count.one": "1 report is in conflict.",
    "console.conflicts.count.other": "{count} reports are in conflict.",
    "console.conflict.title": "Decide: {title}",
    "console.conflict.report_link": "the whole report",
    "console.conflict.none": "No conflict: every device agrees on this report.",
    "console.conflict.deletion": "a delete crossed with edits",
    "console.conflict.provisional": "Shown everywhere until you decide.",
    "console.conflict.custom": "Another value:",
    "console.conflict.value": "Value",
    "console.conflict.reason": "Reason (required, kept in the audit trail)",
    "console.conflict.submit": "Decide",
    "console.conflict.merged": "Merged cleanly",
    "console.decision.done":
      "Decision recorded for {field}; devices receive it at their next sync.",
    "console.decision.no_reason": "Give a reason: it goes into the audit trail with the decision.",
    "console.decision.no_field": "The form names no conflicting field.",
    "console.decision.no_choice": "Pick one of the values, or type another.",
    "console.decision.refused": "Not done: {message}",
    "console.decision.stale":
      "Another administrator decided this report first. Nothing was overwritten: here is the report as it is now.",
    "console.devices.title": "Devices",
    "console.devices.none": "No device is enrolled yet.",
    "console.devices.active": "active",
    "console.devices.never": "never",
    "console.devices.revoked_at": "revoked {time}",
    "console.devices.reason": "Reason",
    "console.devices.revoke": "Revoke",
    "console.devices.enrol": "Enrol a device",
    "console.devices.enrol_submit": "Issue the enrolment link",
    "console.devices.name": "Liaison's name",
    "console.devices.villages": "Villages (comma separated)",
    "console.devices.server": "Address devices use (optional)",
    "console.devices.server_hint": "Leave empty to use the address of this page.",
    "console.enrol.missing": "Give the liaison's name and at least one village.",
    "console.enrol.invalid": "Not done: {message}",
    "console.revoke.no_reason": "Give a reason to revoke a device: it goes into the audit trail.",
    "console.enrolled.title": "Enrolment link",
    "console.enrolled.sentence": "One-time link for {name} ({villages}), valid until {time}:",
    "console.enrolled.hint":
      "Give it by a channel you trust: whoever holds it can enrol once. On the device: liaison enroll LINK",
    "console.enrolled.back": "Back to the devices",
    "township.summary.abstract":
      "Show the township at a glance, as the web console's dashboard does.",
    "township.summary.discussion": """
    New against resolved reports per week over the last 12 weeks, open reports by village and category, the overdue list (due date passed, neither resolved nor closed), urgent open reports, and conflicts awaiting a decision. Lists show their first 50 reports.
      township summary
      township summary --format json
    """,
    "township.summary.weeks": "New and resolved reports per week, last 12 weeks",
    "township.summary.week": "WEEK FROM",
    "township.summary.new": "NEW",
    "township.summary.resolved": "RESOLVED",
    "township.summary.open": "Open reports by village and category",
    "township.summary.village": "VILLAGE",
    "township.summary.category": "CATEGORY",
    "township.summary.count": "OPEN",
    "township.summary.overdue": "Overdue ({count})",
    "township.summary.urgent": "Urgent and open ({count})",
    "township.summary.awaiting": "Conflicts awaiting a decision ({count})",
    "township.summary.none": "None.",
    "township.summary.id": "ID",
    "township.summary.due": "DUE",
    "township.summary.title": "TITLE",
    "township.summary.more": "The first {shown} of {count}; the console lists them all.",
  ]
}
