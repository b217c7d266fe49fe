import NIOCore

/// Finds the TLS records in one direction of a connection the proxy relays, without
/// decrypting anything: each record opens with five clear bytes (content type, version,
/// length). The proxy learns from them how far a request's encrypted body has got, which is
/// all a server kill needs now that the requests themselves are unreadable.
struct TLSRecordScanner {
  /// A record's content type and length, and where its body starts in the stream.
  struct Record: Equatable {
    let type: UInt8
    let length: Int
    let bodyStart: Int
  }

  /// TLS's content type for application data (and, in TLS 1.3, every encrypted record).
  static let applicationData: UInt8 = 23
  /// TLS's content type for a handshake record: how a TLS connection opens.
  static let handshake: UInt8 = 22

  /// Stream offset of the next record's header.
  private var nextRecord = 0
  /// The part of a header split across reads.
  private var header: [UInt8] = []

  /// The records whose headers end in `buffer`, read at stream offset `offset`.
  mutating func scan(_ buffer: ByteBuffer, at offset: Int) -> [Record] {
    var records: [Record] = []
    let bytes = buffer.readableBytesView
    var position = max(nextRecord, offset)
    while position < offset + bytes.count {
      header.append(bytes[bytes.startIndex + (position - offset)])
      position += 1
      guard header.count == 5 else { continue }
      let length = Int(header[3]) << 8 | Int(header[4])
      records.append(Record(type: header[0], length: length, bodyStart: position))
      header.removeAll(keepingCapacity: true)
      nextRecord = position + length
      position = nextRecord
    }
    return records
  }
}
