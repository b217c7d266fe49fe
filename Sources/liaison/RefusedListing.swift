import LiaisonCodec
import LiaisonPresentation
import LiaisonStore
import LiaisonText

/// `liaison status --refused`: the changes written here that the server refused, and why.
enum RefusedListing {
  static func render(_ refused: [RefusedChange], format: OutputFormat) -> String {
    switch format {
    case .json:
      return ReportPresentation.jsonText(
        .array(
          refused.map { change in
            .object([
              "report": .string(change.report), "counter": .integer(change.counter),
              "written": .string(ReportPresentation.isoTime(change.writtenAt)),
              "refused": .string(ReportPresentation.isoTime(change.refusedAt)),
              "code": .string(change.code), "message": .string(change.message),
            ])
          }))
    case .table:
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
  }
}
