import Foundation
import GRDB

/// A column's value as SQLite stores it, for tools that copy a store elsewhere.
public enum RawValue: Sendable, Hashable, CustomStringConvertible {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  public var description: String {
    switch self {
    case .null: "NULL"
    case .integer(let value): "\(value)"
    case .real(let value): "\(value)"
    case .text(let value): "\"\(value)\""
    case .blob(let bytes): "\(bytes.count) bytes"
    }
  }
}

/// One stored row: its columns by name.
public struct RawRow: Sendable, Hashable {
  public let values: [String: RawValue]

  public init(_ values: [String: RawValue]) {
    self.values = values
  }

  public subscript(column: String) -> RawValue { values[column] ?? .null }
}

/// A table of the township store and the column that orders it: the key its rows are paged by.
public struct StoreTable: Sendable, Hashable, CustomStringConvertible {
  public let name: String
  public let key: String

  /// Every table that holds a township's state: the server's replica, reports, the change
  /// log, devices, credentials (digests only), enrolment codes (digests only) and the audit
  /// trail, which also keeps the changes the server refused. A device's own tables (peers,
  /// refusals, unreadable changes) are not a township's.
  public static let township: [StoreTable] = [
    StoreTable(name: "replica", key: "singleton"), StoreTable(name: "report", key: "key"),
    StoreTable(name: "change", key: "seq"), StoreTable(name: "device", key: "id"),
    StoreTable(name: "credential", key: "digest"), StoreTable(name: "enrollment", key: "digest"),
    StoreTable(name: "audit", key: "seq"),
  ]

  public var description: String { name }
}

extension TownshipStore {
  /// At most `limit` rows of `table`, every column, in the order of its key, after the key
  /// `after` (from the first row when nil): a copy reads a table page by page, holding one
  /// page at a time, whatever the table's size.
  public func rawRows(of table: StoreTable, after: RawValue?, limit: Int) throws(StoreError)
    -> [RawRow]
  {
    guard StoreTable.township.contains(table) else {
      throw .database("\(table.name) is not a township table")
    }
    return try replica.read { db in
      let rows: [Row]
      switch after {
      case nil, .null?:
        rows = try Row.fetchAll(
          db, sql: "SELECT * FROM \(table.name) ORDER BY \(table.key) LIMIT ?", arguments: [limit])
      case .some(let key):
        rows = try Row.fetchAll(
          db,
          sql: "SELECT * FROM \(table.name) WHERE \(table.key) > ? ORDER BY \(table.key) LIMIT ?",
          arguments: [key.databaseValue, limit])
      }
      return rows.map { row in
        var values: [String: RawValue] = [:]
        for (column, value) in row { values[column] = RawValue(value) }
        return RawRow(values)
      }
    }
  }

  /// How many rows `table` holds.
  public func rowCount(of table: StoreTable) throws(StoreError) -> Int64 {
    guard StoreTable.township.contains(table) else {
      throw .database("\(table.name) is not a township table")
    }
    return try replica.read { db in
      try Int64.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0
    }
  }
}

extension RawValue {
  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let value): self = .integer(value)
    case .double(let value): self = .real(value)
    case .string(let value): self = .text(value)
    case .blob(let data): self = .blob([UInt8](data))
    }
  }

  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let value): value.databaseValue
    case .real(let value): value.databaseValue
    case .text(let value): value.databaseValue
    case .blob(let bytes): Data(bytes).databaseValue
    }
  }
}
