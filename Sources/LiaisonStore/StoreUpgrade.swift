/// What opening a store made by an older version is about to do, told before it starts.
///
/// An upgrade runs once, in one transaction, the first time a newer `liaison` or `township`
/// opens the store. Some steps rewrite every change in the log (v7 does), which on a large
/// township takes minutes and room on disk about the size of the log: long enough that a
/// silent server looks hung. If it fails (the disk fills, the power goes) the store stays
/// as it was and the upgrade runs again at the next open.
public struct StoreUpgrade: Sendable, Equatable {
  /// The store directory.
  public let location: String
  /// The schema steps to apply, oldest first, as the migrations name them.
  public let steps: [String]
  /// How many changes the log holds: what a rewrite of the log has to go through.
  public let changes: Int

  public init(location: String, steps: [String], changes: Int) {
    self.location = location
    self.steps = steps
    self.changes = changes
  }
}
