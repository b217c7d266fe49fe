import Foundation

/// Bytes on the wire as standard base64 with padding (RFC 4648 section 4), in its one
/// canonical spelling: decoders that leave pad bits to chance (section 3.5) would let one
/// signature or key travel under several strings, and a log hold bytes a device never sent.
public enum CanonicalBase64 {
  public static func encode(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString()
  }

  /// The bytes of `text`, or nil unless it is exactly how ``encode(_:)`` writes them.
  public static func decode(_ text: String) -> [UInt8]? {
    guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else {
      return nil
    }
    return [UInt8](data)
  }
}
