import Foundation
import LiaisonMerge

// The canonical bytes of states and changes, written member by member in sorted key order.
// Each `write` mirrors a `json` property elsewhere in this module; `CanonicalWriterTests`
// checks the two agree byte for byte on generated values.

extension ReportState {
  /// The canonical bytes of the state: equal states, equal bytes.
  public var canonicalBytes: [UInt8] {
    var writer = CanonicalWriter(capacity: 1024)
    writer.object { writer in
      if !deletion.isEmpty {
        writer.key("deletion")
        deletion.write(to: &writer) { writer, value in value.write(to: &writer) }
      }
      writer.key("fields")
      writer.object { writer in
        for field in Field.canonicalOrder where !self[field].isEmpty {
          writer.key(field.rawValue)
          self[field].write(to: &writer) { writer, value in value.write(to: &writer) }
        }
      }
      writer.key("id")
      writer.report(id)
      writer.key("notes")
      writer.array { writer in
        for note in notes.notes { note.write(to: &writer) }
      }
    }
    return writer.bytes
  }
}

extension Change {
  /// The canonical bytes of the change, with its signature when it has one: what a log holds
  /// and a push or pull sends.
  public var canonicalBytes: [UInt8] { canonicalBytes(signed: true) }

  /// The bytes a signature covers: the canonical bytes without the `signature` member
  /// (`protocol/merge.md` section 12). For an unsigned change they equal ``canonicalBytes``.
  public var signedBytes: [UInt8] { canonicalBytes(signed: false) }

  /// Both forms at once, for a receiver that checks the signature and keeps the change: the
  /// members before `signature` are written once, for both.
  public var signedAndCanonicalBytes: (signed: [UInt8], canonical: [UInt8]) {
    var signedForm: [UInt8]?
    var writer = CanonicalWriter(capacity: 512)
    writer.object { writer in
      writeMembersBeforeSignature(to: &writer)
      // Unsigned, the two forms are one, and need no copy.
      if signature != nil {
        var unsigned = writer
        unsigned.key("time")
        unsigned.integer(attribution.time)
        unsigned.endObject()
        signedForm = unsigned.bytes
      }
      writeSignatureAndTime(to: &writer)
    }
    return (signedForm ?? writer.bytes, writer.bytes)
  }

  private func canonicalBytes(signed: Bool) -> [UInt8] {
    var writer = CanonicalWriter(capacity: 512)
    writer.object { writer in
      writeMembersBeforeSignature(to: &writer)
      if signed {
        writeSignatureAndTime(to: &writer)
      } else {
        writer.key("time")
        writer.integer(attribution.time)
      }
    }
    return writer.bytes
  }

  /// `author`, `deletion`, `dot`, `fields`, `note` and `report`: the members that sort before
  /// `signature`.
  private func writeMembersBeforeSignature(to writer: inout CanonicalWriter) {
    writer.key("author")
    writer.string(attribution.author)
    if let deletion {
      writer.key("deletion")
      writer.object { writer in
        writer.key("seen")
        deletion.seen.write(to: &writer)
        writer.key("value")
        deletion.value.write(to: &writer)
      }
    }
    writer.key("dot")
    dot.write(to: &writer)
    writer.key("fields")
    writer.object { writer in
      for field in Field.canonicalOrder {
        guard let write = fields[field] else { continue }
        writer.key(field.rawValue)
        writer.object { writer in
          writer.key("seen")
          write.seen.write(to: &writer)
          writer.key("value")
          write.value.write(to: &writer)
        }
      }
    }
    if let note {
      writer.key("note")
      writer.string(note)
    }
    writer.key("report")
    writer.report(report)
  }

  private func writeSignatureAndTime(to writer: inout CanonicalWriter) {
    if let signature {
      writer.key("signature")
      writer.string(CanonicalBase64.encode(signature))
    }
    writer.key("time")
    writer.integer(attribution.time)
  }
}

extension Field {
  static let valueFieldNames: [String] = Field.valueFields.map(\.rawValue)

  /// The value fields in the order of their names' UTF-8 bytes: canonical member order.
  static let canonicalOrder: [Field] = Field.valueFields.sorted {
    $0.rawValue.utf8.lexicographicallyPrecedes($1.rawValue.utf8)
  }
}

extension Register {
  func write(
    to writer: inout CanonicalWriter, value writeValue: (inout CanonicalWriter, Value) -> Void
  ) {
    writer.object { writer in
      writer.key("context")
      context.write(to: &writer)
      writer.key("values")
      writer.array { writer in
        for entry in entries {
          writer.object { writer in
            writer.key("author")
            writer.string(entry.attribution.author)
            writer.key("dot")
            entry.dot.write(to: &writer)
            writer.key("time")
            writer.integer(entry.attribution.time)
            writer.key("value")
            writeValue(&writer, entry.value)
          }
        }
      }
    }
  }
}

extension Note {
  func write(to writer: inout CanonicalWriter) {
    writer.object { writer in
      writer.key("author")
      writer.string(attribution.author)
      writer.key("dot")
      dot.write(to: &writer)
      writer.key("text")
      writer.string(text)
      writer.key("time")
      writer.integer(attribution.time)
    }
  }
}

extension Dot {
  func write(to writer: inout CanonicalWriter) {
    writer.array { writer in
      writer.replica(replica)
      writer.integer(Int64(counter))
    }
  }
}

extension VersionVector {
  /// Entries are sorted by replica, and a replica's hex digits sort the same way.
  func write(to writer: inout CanonicalWriter) {
    writer.object { writer in
      for dot in entries {
        writer.replicaKey(dot.replica)
        writer.integer(Int64(dot.counter))
      }
    }
  }
}

extension Deletion {
  func write(to writer: inout CanonicalWriter) {
    writer.object { writer in
      writer.key("deleted")
      writer.bool(isDeleted)
      writer.key("seen")
      writer.array { writer in
        for dot in seen { dot.write(to: &writer) }
      }
    }
  }
}

extension FieldValue {
  func write(to writer: inout CanonicalWriter) {
    switch self {
    case .absent: writer.null()
    case .text(let text): writer.string(text)
    case .category(let value): writer.string(value.rawValue)
    case .urgency(let value): writer.string(value.rawValue)
    case .status(let value): writer.string(value.rawValue)
    case .date(let date): writer.string(date.description)
    case .location(let location):
      writer.object { writer in
        if let latitude = location.latitudeE7 {
          writer.key("latitude_e7")
          writer.integer(Int64(latitude))
        }
        if let longitude = location.longitudeE7 {
          writer.key("longitude_e7")
          writer.integer(Int64(longitude))
        }
        // A location without words has no `text` member (`protocol/merge.md` section 9).
        if !location.text.isEmpty {
          writer.key("text")
          writer.string(location.text)
        }
      }
    }
  }
}
