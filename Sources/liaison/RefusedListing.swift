import Foundation
import LiaisonCodec
import LiaisonCommandLine
import LiaisonPresentation
import LiaisonStore
import LiaisonText

/// `liaison status --refused`: the changes written here that the server refused, and why,
/// and the changes the server sent that this device could not accept.
enum RefusedListing {
  static func render(
    _ refused: [RefusedChange], unreadable: [UnreadableChange] = [], format: OutputFormat
  ) -> String {
    switch format {
    case .json:
      return ReportPresentation.jsonText(
        .object([
          "refused": .array(
            refused.map { change in
              .object([
                "report": .string(change.report), "counter": .integer(change.counter),
                "written": .string(ReportPresentation.isoTime(change.writtenAt)),
                "refused": .string(ReportPresentation.isoTime(change.refusedAt)),
                "code": .string(change.code), "message": .string(change.message),
              ])
            }),
          "unreadable": .array(
            unreadable.map { change in
              .object([
                "received": .string(ReportPresentation.isoTime(change.receivedAt)),
                "code": .string(change.code), "field": change.field.map(JSONValue.string) ?? .null,
                "message": .string(change.message),
                "change": .string(String(decoding: change.body, as: UTF8.self)),
              ])
            }),
        ]))
    case .table:
      var text = refusedTable(refused)
      if !unreadable.isEmpty { text += "\n" + unreadableTable(unreadable) }
      return text
    }
  }

  private static func refusedTable(_ refused: [RefusedChange]) -> String {
    guard !refused.isEmpty else {
      return localized("liaison.refused.none") + "\n"
    }
    let table = TextTable(columns: [
      .init(localized("liaison.refused.column.report")),
      .init(localized("liaison.refused.column.written")), .init(localized("common.column.code")),
      .init(localized("common.column.why"), minimumWidth: 20, flexible: true),
    ])
    let rows = refused.map { change in
      [
        String(change.report.prefix(8)), localized.time(milliseconds: change.writtenAt),
        change.code,
        change.message,
      ]
    }
    return table.render(rows: rows, maxWidth: ReportPresentation.terminalWidth)
      + "\n" + localized("liaison.refused.explanation") + "\n"
  }

  private static func unreadableTable(_ unreadable: [UnreadableChange]) -> String {
    let table = TextTable(columns: [
      .init(localized("liaison.refused.column.received")), .init(localized("common.column.code")),
      .init(localized("common.column.why"), minimumWidth: 20, flexible: true),
    ])
    let rows = unreadable.map { change in
      [localized.time(milliseconds: change.receivedAt), change.code, change.message]
    }
    return localized("liaison.unreadable.heading") + "\n"
      + table.render(rows: rows, maxWidth: ReportPresentation.terminalWidth)
      + "\n" + localized("liaison.unreadable.explanation") + "\n"
  }
}
