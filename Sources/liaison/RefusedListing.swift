import Foundation
import LiaisonCodec
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
      return "The server has refused none of this device's changes.\n"
    }
    let table = TextTable(columns: [
      .init("REPORT"), .init("WRITTEN"), .init("CODE"),
      .init("WHY", minimumWidth: 20, flexible: true),
    ])
    let rows = refused.map { change in
      [
        String(change.report.prefix(8)), ReportPresentation.time(change.writtenAt), change.code,
        change.message,
      ]
    }
    return table.render(rows: rows, maxWidth: ReportPresentation.terminalWidth)
      + """

      These changes are kept on this device but did not reach the township. Ask the
      administrator about each one, then write it again where the server accepts it.

      """
  }

  private static func unreadableTable(_ unreadable: [UnreadableChange]) -> String {
    let table = TextTable(columns: [
      .init("RECEIVED"), .init("CODE"), .init("WHY", minimumWidth: 20, flexible: true),
    ])
    let rows = unreadable.map { change in
      [ReportPresentation.time(change.receivedAt), change.code, change.message]
    }
    return "Received from the server but not accepted here:\n"
      + table.render(rows: rows, maxWidth: ReportPresentation.terminalWidth)
        + """

        The server sent these changes, but this device could not read them (a newer server,
        or damage on the way); they were not applied. `--format json` shows each one whole.

        """
  }
}
