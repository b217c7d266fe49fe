import Foundation
import LiaisonMerge

/// What a township office looks at first, as `township summary` prints it and the console's
/// dashboard draws it: counted by the storage with SQL aggregates, never by reading states.
public struct TownshipSummary: Sendable, Equatable {
  /// One week of the last weeks: reports created in it, and reports resolved in it.
  public struct Week: Sendable, Equatable {
    /// The week's first instant, in milliseconds since 1970 (the server's clock).
    public let start: Int64
    /// Reports first written during the week.
    public let new: Int
    /// Reports now resolved or closed whose latest change fell in the week.
    public let resolved: Int

    public init(start: Int64, new: Int, resolved: Int) {
      self.start = start
      self.new = new
      self.resolved = resolved
    }
  }

  /// How many open reports (neither resolved nor closed, not deleted) a village holds in one
  /// category.
  public struct OpenCount: Sendable, Equatable {
    public let village: String
    public let category: String
    public let count: Int

    public init(village: String, category: String, count: Int) {
      self.village = village
      self.category = category
      self.count = count
    }
  }

  /// A list of reports with the total it was cut from.
  public struct Listing: Sendable, Equatable {
    /// The first ``SummaryRequest/listLimit`` reports.
    public let reports: [ReportSummary]
    public let total: Int

    public init(reports: [ReportSummary], total: Int) {
      self.reports = reports
      self.total = total
    }
  }

  /// The weeks, oldest first, ending with the week that holds ``SummaryRequest/now``.
  public let weeks: [Week]
  /// Open reports by village, then category.
  public let open: [OpenCount]
  /// Reports whose due date has passed and which are neither resolved nor closed, most
  /// overdue first.
  public let overdue: Listing
  /// Urgent reports still open or in progress, newest first.
  public let urgent: Listing
  /// Reports in conflict, waiting for an administrator's decision, longest waiting first.
  public let awaiting: Listing

  public init(
    weeks: [Week], open: [OpenCount], overdue: Listing, urgent: Listing, awaiting: Listing
  ) {
    self.weeks = weeks
    self.open = open
    self.overdue = overdue
    self.urgent = urgent
    self.awaiting = awaiting
  }
}

/// What a summary covers: the clock it is read at, the day that decides what is overdue,
/// how many weeks back, and how long the lists may be.
public struct SummaryRequest: Sendable, Equatable {
  /// The server's clock, in milliseconds since 1970.
  public var now: Int64
  /// Today as `YYYY-MM-DD` in the office's zone: a report due before it is overdue.
  public var today: String
  public var weeks = 12
  public var listLimit = 50

  public init(now: Int64, today: String) {
    self.now = now
    self.today = today
  }

  /// A summary read at `now`, due dates compared with its day in the server's zone.
  public init(now: Int64) {
    self.init(now: now, today: Self.today(now: now))
  }

  /// The day `now` falls on in the server's zone, `YYYY-MM-DD` as due dates are written.
  public static func today(now: Int64) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd"
    return formatter.string(from: Date(timeIntervalSince1970: Double(now) / 1000))
  }

  /// A week in milliseconds.
  public static let week: Int64 = 7 * 24 * 3600 * 1000

  /// The first instant of the oldest week counted: the weeks end at ``now``.
  public var since: Int64 { now - Int64(weeks) * Self.week }

  /// The weeks from counts by week index (0 the oldest), filling empty weeks with zeros.
  public func weeks(new: [Int: Int], resolved: [Int: Int]) -> [TownshipSummary.Week] {
    (0..<weeks).map { index in
      TownshipSummary.Week(
        start: since + Int64(index) * Self.week, new: new[index] ?? 0,
        resolved: resolved[index] ?? 0)
    }
  }

  /// The statuses a report is no longer open in.
  public static let settled = [Status.resolved.rawValue, Status.closed.rawValue]
}
