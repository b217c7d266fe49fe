/// What opening a store made by an older version is about to do, told before it starts.
///
/// An upgrade runs once, the first time a newer `liaison` or `township` opens the store, each
/// step in its own transaction. Some steps rewrite every change in the log (v7 does), which on
/// a large township takes a minute or more and free space of about two and a half times the
/// store: long enough that a silent server looks hung. If a step fails (the disk fills, the
/// power goes) the store stays at the last whole step and the upgrade goes on at the next open.
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
