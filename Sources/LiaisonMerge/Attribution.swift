/// Who made a write and when, by the writer's own clock.
///
/// The time is for people to read; it never orders writes or picks a winner, since device
/// clocks in the field drift and are sometimes simply wrong.
public struct Attribution: Hashable, Sendable {
  /// The liaison or administrator who made the write.
  public let author: String
  /// The writer's wall-clock time, in milliseconds since 1970-01-01T00:00:00Z.
  public let time: Int64

  public init(author: String, time: Int64) {
    self.author = author
    self.time = time
  }
}
