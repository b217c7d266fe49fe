import LiaisonMerge

/// An element of a pushed body's `changes` array, as
/// ``JSONValue/parse(_:streamingChanges:_:)`` hands it out.
public enum StreamedChange: Sendable {
  /// Decoded straight from its bytes: the change ``Change/init(json:path:)`` would make of
  /// them.
  case decoded(Change)
  /// Parsed only: not in the shape the direct decoder takes, or not valid, which
  /// ``Change/init(json:path:)`` then says.
  case parsed(JSONValue)
}
