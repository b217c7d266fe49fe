import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files and directories that only their owner may read: stores hold residents' personal
/// details and a device's token, and the administrator's file holds a credential. Each is
/// created with its final permissions by the system call that creates it, so there is no
/// moment when another user could open it.
public enum PrivateFiles {
  /// Why a private file or directory could not be made: the path and the system's reason.
  public struct Failure: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot write \(path): \(reason)" }
  }

  /// The user's home directory: `$HOME` when set, as on every Unix, else the password
  /// database's entry (Foundation's `NSHomeDirectory()` on Linux reads only the latter).
  public static var homeDirectory: String {
    if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
    return NSHomeDirectory()
  }

  /// Creates `path` with mode 0700, and any missing parents as an ordinary `mkdir -p` would;
  /// an existing directory is left as it is.
  public static func createDirectory(_ path: String) throws(Failure) {
    guard !path.isEmpty else { return }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
      if isDirectory.boolValue { return }
      throw Failure(path: path, reason: "it exists and is not a directory")
    }
    let parent = (path as NSString).deletingLastPathComponent
    if !parent.isEmpty, parent != path {
      do {
        try FileManager.default.createDirectory(
          atPath: parent, withIntermediateDirectories: true)
      } catch {
        throw Failure(path: parent, reason: error.localizedDescription)
      }
    }
    if mkdir(path, 0o700) != 0, errno != EEXIST {
      throw Failure(path: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Creates an empty file at `path` with mode 0600 unless one is there already.
  public static func createFile(_ path: String) throws(Failure) {
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    if descriptor < 0 {
      if errno == EEXIST { return }
      throw Failure(path: path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
  }

  /// Replaces the file at `path` with `bytes`, atomically: written with mode 0600 to a fresh
  /// temporary name beside it, flushed to disk, then renamed into place, so neither a crash
  /// nor another user ever sees a half-written or readable file. Creates the directory (0700)
  /// if needed.
  public static func save(_ bytes: [UInt8], to path: String) throws(Failure) {
    try createDirectory((path as NSString).deletingLastPathComponent)
    let temporary = "\(path).\(getpid()).\(UInt32.random(in: .min ... .max)).tmp"
    let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw Failure(path: temporary, reason: String(cString: strerror(errno)))
    }
    var failure: Failure?
    var written = 0
    while failure == nil, written < bytes.count {
      let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if result < 0, errno != EINTR {
        failure = Failure(path: temporary, reason: String(cString: strerror(errno)))
      } else if result > 0 {
        written += result
      }
    }
    if failure == nil, fsync(descriptor) != 0 {
      failure = Failure(path: temporary, reason: String(cString: strerror(errno)))
    }
    if close(descriptor) != 0, failure == nil {
      failure = Failure(path: temporary, reason: String(cString: strerror(errno)))
    }
    if failure == nil, rename(temporary, path) != 0 {
      failure = Failure(path: path, reason: String(cString: strerror(errno)))
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
    // The rename itself is durable once the directory is flushed too.
    let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
    if directory >= 0 {
      fsync(directory)
      close(directory)
    }
  }
}
