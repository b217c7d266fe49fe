/// A change written on this device that the server refused, and why.
///
/// The change stays in this device's log and state, so nothing written is lost here, but the
/// township never received it: the liaison has to know, and usually to write it again in a
/// form the server accepts (for example after being enrolled for the report's new village).
public struct RefusedChange: Sendable, Equatable {
  /// The change's place in this device's log.
  public let sequence: Int64
  public let report: String
  /// The change's counter under this device's replica id.
  public let counter: Int64
  /// When the liaison wrote it, in milliseconds since 1970.
  public let writtenAt: Int64
  /// The server's reason code, as in `protocol/sync.md` (such as `out_of_scope`).
  public let code: String
  public let message: String
  /// When the server refused it, in milliseconds since 1970.
  public let refusedAt: Int64
}
