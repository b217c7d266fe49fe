import LiaisonCodec
import LiaisonMerge

/// The reason an administrator gives for an action, as every backend checks it before the
/// action and its audit entry commit.
public enum AuditReason {
  /// The longest reason an administrator may give, in Unicode scalars.
  public static let limit = 1000

  /// Checks a reason: none (empty), or one line of at most ``limit`` scalars, NFC, without
  /// control characters, as the trail shows it.
  public static func check(_ reason: String) throws(StoreError) {
    guard !reason.isEmpty else { return }
    do {
      try FieldValue.checkText(reason, field: "reason", maximum: limit, multiline: false)
    } catch {
      throw .invalid(error)
    }
  }
}

/// A village list as the stores keep it in device and enrolment rows: a JSON array.
public enum VillageList {
  public static func encode(_ villages: [String]) -> String {
    CanonicalJSON.string(.array(villages.map { .string($0) }))
  }

  /// Reads a list written by ``encode(_:)``.
  public static func decode(_ text: String) throws(StoreError) -> [String] {
    guard case .array(let items)? = try? JSONValue(parsing: Array(text.utf8)) else {
      throw .database("bad village list")
    }
    return items.compactMap { if case .string(let village) = $0 { village } else { nil } }
  }
}
