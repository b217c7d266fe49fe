import LiaisonCodec
import LiaisonMerge

/// libFuzzer's entry point for the server's push decoder: the body of `POST /v1/push` parsed
/// strictly, each change decoded as the server does, and every change that decodes checked
/// for the promises the server relies on. Built by `build.sh`, not by `swift build`.
///
/// A crash, a sanitizer report or a broken promise (a trap) is a finding; libFuzzer writes
/// the input that caused it to a `crash-*` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPushBody(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  guard case .object(let members)? = try? JSONValue(parsing: bytes),
    case .array(let items)? = members["changes"]
  else { return 0 }
  for item in items {
    guard let change = try? Change(json: item) else { continue }
    checkRoundTrip(change)
    checkMerge(change)
  }
  return 0
}

/// A decoded change encodes canonically and decodes back to itself: what the server stores
/// is what the device sent.
func checkRoundTrip(_ change: Change) {
  let bytes = change.canonicalBytes
  guard let value = try? JSONValue(parsing: bytes), let again = try? Change(json: value) else {
    fatalError("a decoded change does not decode from its own canonical bytes")
  }
  precondition(again == change, "a change changed in a canonical round trip")
  precondition(again.canonicalBytes == bytes, "canonical bytes are not stable")
}

/// Applying a change is idempotent, and the state it makes round-trips through its JSON.
func checkMerge(_ change: Change) {
  let state = ReportState(delta: change)
  var twice = state
  twice.apply(change)
  precondition(twice == state, "applying a change twice changed the state")
  guard let value = try? JSONValue(parsing: state.canonicalBytes),
    let decoded = try? ReportState(json: value)
  else { fatalError("a state does not decode from its own canonical bytes") }
  precondition(decoded == state, "a state changed in a canonical round trip")
}
