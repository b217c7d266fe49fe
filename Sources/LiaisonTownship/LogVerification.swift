import LiaisonMerge

/// What `township verify` found walking a township's whole log: the auditor's check that no
/// change was altered after its author signed it, and that no report's stored state says
/// anything its logged changes do not.
public struct LogVerification: Sendable, Equatable {
  /// How far a walk has got, for a progress line.
  public struct Progress: Sendable, Equatable {
    public let changes: Int
    public let total: Int

    public init(changes: Int, total: Int) {
      self.changes = changes
      self.total = total
    }
  }

  /// A logged change whose signature does not hold, or which does not decode at all.
  public struct BadChange: Sendable, Equatable {
    public let sequence: Int64
    public let report: String
    /// The change's dot, `replica:counter`, when it reads.
    public let dot: String
    /// `bad_signature`, `revoked`, or `unreadable`.
    public let code: String
    public let message: String

    public init(sequence: Int64, report: String, dot: String, code: String, message: String) {
      self.sequence = sequence
      self.report = report
      self.dot = dot
      self.code = code
      self.message = message
    }
  }

  /// Changes read.
  public var changes = 0
  /// Of them, signed by their author's bound key.
  public var signed = 0
  /// Of them, unsigned and allowed to be: written before their replica had a key.
  public var unsigned = 0
  /// Reports whose stored state was compared with the merge of their changes.
  public var reports = 0
  public var badChanges: [BadChange] = []
  /// Reports whose stored state differs from the merge of their logged changes.
  public var divergentReports: [String] = []

  public init() {}

  /// Whether everything holds: the only answer on which `township verify` exits 0.
  public var holds: Bool { badChanges.isEmpty && divergentReports.isEmpty }
}
