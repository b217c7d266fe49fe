import LiaisonMerge

// The records a township's storage hands back: plain values, the same from every backend.

/// One change to a report as this replica received it, with the values it replaced.
public struct HistoryEntry: Sendable, Equatable {
  /// One field's value before and after the change, as this replica showed them.
  public struct FieldChange: Sendable, Equatable {
    public let field: Field
    public let old: FieldValue
    public let new: FieldValue

    public init(field: Field, old: FieldValue, new: FieldValue) {
      self.field = field
      self.old = old
      self.new = new
    }

  }

  /// The position in this replica's change log.
  public let sequence: Int64
  public let dot: Dot
  public let attribution: Attribution
  public let fields: [FieldChange]
  public let note: String?
  /// True for a delete, false for a restore, nil when the change did neither.
  public let deleting: Bool?
  /// Whether the change carries its author's signature; false only for one written before
  /// its replica had a key (`protocol/merge.md` section 12).
  public let signed: Bool

  public init(
    sequence: Int64, dot: Dot, attribution: Attribution, fields: [FieldChange], note: String?,
    deleting: Bool?, signed: Bool = true
  ) {
    self.sequence = sequence
    self.dot = dot
    self.attribution = attribution
    self.fields = fields
    self.note = note
    self.deleting = deleting
    self.signed = signed
  }
}

/// One line of the audit trail: who did what to which subject, when and why.
public struct AuditEntry: Sendable, Equatable {
  public let sequence: Int64
  /// The server's clock, in milliseconds since 1970.
  public let time: Int64
  /// The administrator or liaison who acted.
  public let actor: String
  public let action: String
  /// What the action was about: a report id, a device id, an administrator's name.
  public let subject: String
  public let detail: String
  /// The reason the administrator gave; empty when none was given.
  public let reason: String

  public init(
    sequence: Int64, time: Int64, actor: String, action: String, subject: String, detail: String,
    reason: String
  ) {
    self.sequence = sequence
    self.time = time
    self.actor = actor
    self.action = action
    self.subject = subject
    self.detail = detail
    self.reason = reason
  }
}

/// One report in conflict, as `township conflicts` lists it.
public struct ConflictSummary: Sendable, Equatable {
  public let id: ReportID
  public let village: String
  public let category: String
  public let title: String
  /// The fields in conflict, sorted by name; `deleted` for a delete crossed with edits.
  public let fields: [Field]
  /// The replicas whose writes clash.
  public let replicas: [ReplicaID]
  /// When the oldest of its conflicts began, by the writers' clocks (milliseconds).
  public let since: Int64
  public let version: String

  public init(
    id: ReportID, village: String, category: String, title: String, fields: [Field],
    replicas: [ReplicaID], since: Int64, version: String
  ) {
    self.id = id
    self.village = village
    self.category = category
    self.title = title
    self.fields = fields
    self.replicas = replicas
    self.since = since
    self.version = version
  }
}

/// One enrolled device as `township devices` lists it.
public struct DeviceSummary: Sendable, Equatable {
  public let device: Device
  public let enrolledAt: Int64
  /// The server's clock at the device's last push or complete pull; nil if never seen.
  public let lastSeenAt: Int64?
  public let revokedAt: Int64?
  /// Changes to reports in its villages, not its own, that it has not pulled yet.
  public let pending: Int

  public init(
    device: Device, enrolledAt: Int64, lastSeenAt: Int64?, revokedAt: Int64?, pending: Int
  ) {
    self.device = device
    self.enrolledAt = enrolledAt
    self.lastSeenAt = lastSeenAt
    self.revokedAt = revokedAt
    self.pending = pending
  }
}

/// The outcome of a push, change by change (`protocol/sync.md`, `POST /v1/push`).
public struct PushOutcome: Sendable, Equatable {
  /// One refused change: its position in the batch, its dot when it had one, and why.
  public struct Rejection: Sendable, Equatable {
    public let index: Int
    public let dot: Dot?
    public let code: RefusalCode
    public let field: String?
    public let message: String

    public init(index: Int, dot: Dot?, code: RefusalCode, field: String?, message: String) {
      self.index = index
      self.dot = dot
      self.code = code
      self.field = field
      self.message = message
    }
  }

  public var accepted = 0
  public var duplicates = 0
  public var rejected: [Rejection] = []

  public init(accepted: Int = 0, duplicates: Int = 0, rejected: [Rejection] = []) {
    self.accepted = accepted
    self.duplicates = duplicates
    self.rejected = rejected
  }
}

/// One page of a pull.
public struct PullPage: Sendable {
  /// The changes' canonical JSON as the log holds it: a pull copies bytes and decodes
  /// nothing, because every change was checked when it was first accepted.
  public let bodies: [[UInt8]]
  /// Where the next page starts: the server sequence of the last change considered.
  public let cursor: Int64
  public let more: Bool
  /// The server-signed key bindings of the replicas whose changes the page holds, so the
  /// device can check each change's signature (`protocol/sync.md` section 7).
  public let keys: [KeyBinding]

  public init(bodies: [[UInt8]], cursor: Int64, more: Bool, keys: [KeyBinding] = []) {
    self.bodies = bodies
    self.cursor = cursor
    self.more = more
    self.keys = keys
  }
}
