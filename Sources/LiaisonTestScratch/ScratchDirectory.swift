import Foundation
import Testing

/// A test's own folder for the stores, servers' files and devices it makes, removed when the
/// test ends.
///
/// Give a suite the ``Testing/Trait/scratch`` trait; each of its tests (each case of a
/// parameterised one) then gets a fresh folder, and ``path(_:)`` and ``make(_:)`` hand out
/// places inside it. Without it, every run left its stores behind in the system's temporary
/// folder: hundreds of folders a run, gigabytes in a week.
///
/// Set `LIAISON_KEEP_SCRATCH=1` to keep the folders, to look at a failed test's store: each
/// is named after its test, and its path is printed on standard error.
public struct ScratchDirectory: SuiteTrait, TestTrait, TestScoping {
  @TaskLocal static var current: String?

  /// Whether the folders stay after the test, for a look at its store.
  let keepsFiles: Bool

  /// The trait; suites say `.scratch`. `keepingFiles` defaults to whether
  /// `LIAISON_KEEP_SCRATCH` is set to anything but `0` or nothing.
  public init(
    keepingFiles: Bool = !["", "0"].contains(
      ProcessInfo.processInfo.environment["LIAISON_KEEP_SCRATCH"] ?? "")
  ) {
    keepsFiles = keepingFiles
  }

  public var isRecursive: Bool { true }

  public func scopeProvider(for test: Test, testCase: Test.Case?) -> ScratchDirectory? {
    testCase == nil ? nil : self
  }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    // Named after the test, so that a kept folder is easy to find.
    let name = String(test.name.prefix { $0.isLetter || $0.isNumber }.prefix(60))
    let root = (NSTemporaryDirectory() as NSString).appendingPathComponent(
      "liaison-scratch-\(name)-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    defer {
      if keepsFiles {
        FileHandle.standardError.write(Data("kept the scratch folder \(root)\n".utf8))
      } else {
        try? FileManager.default.removeItem(atPath: root)
      }
    }
    try await Self.$current.withValue(root) { try await function() }
  }

  /// A path, not yet made, for a folder named after `purpose` in the running test's scratch
  /// folder; unique within it.
  ///
  /// Outside a test with the `.scratch` trait it records an issue, so that a suite that forgot
  /// the trait fails instead of leaking, and answers a path in the system's temporary folder.
  public static func path(_ purpose: String) -> String {
    let name = "\(purpose)-\(UUID().uuidString)"
    guard let current else {
      Issue.record("this suite needs the .scratch trait, so that the files it makes are removed")
      return (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
    }
    return (current as NSString).appendingPathComponent(name)
  }

  /// A fresh, empty folder named after `purpose` in the running test's scratch folder.
  public static func make(_ purpose: String) -> String {
    let path = path(purpose)
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}

extension Trait where Self == ScratchDirectory {
  /// Gives each test its own scratch folder, removed when the test ends.
  public static var scratch: Self { Self() }
}
