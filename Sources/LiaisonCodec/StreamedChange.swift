import LiaisonMerge

/// An element of a pushed body's `changes` array, as
/// ``JSONValue/parse(_:streamingChanges:_:)`` hands it out.
public enum StreamedChange: Sendable {
  /// Decoded straight from its bytes: the change ``Change/init(json:path:)`` would make of
  /// them, with its encodings when the bytes were its canonical form.
  case decoded(Change, ChangeEncodings?)
  /// Parsed only: not in the shape the direct decoder takes, or not valid, which
  /// ``Change/init(json:path:)`` then says.
  case parsed(JSONValue)
}

/// A change's two encodings: the canonical bytes a log holds (``Change/canonicalBytes``), and
/// the bytes its signature covers (``Change/signedBytes``).
public struct ChangeEncodings: Sendable, Equatable {
  public let signed: [UInt8]
  public let canonical: [UInt8]

  public init(signed: [UInt8], canonical: [UInt8]) {
    self.signed = signed
    self.canonical = canonical
  }
}
