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

      // MARK: township

      // MARK: console
  ]
}
