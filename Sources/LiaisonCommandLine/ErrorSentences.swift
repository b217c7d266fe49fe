import LiaisonLocalization
import LiaisonMerge
import LiaisonStore
import LiaisonSync
import LiaisonText
import LiaisonTownship
import LiaisonWire

/// The errors the libraries throw, in the command line's words: each case is one catalogue
/// sentence, so an error reads whole in every language. The English sentences are the
/// libraries' own descriptions, byte for byte; codes and the server's own messages (the
/// wire) are shown as they came.
extension Localizer {
  public func sentence(for error: any Error) -> String {
    switch error {
    case let failure as CommandFailure: failure.description
    case let store as StoreError: sentence(for: store)
    case let sync as SyncError: sentence(for: sync)
    case let admin as AdminError: sentence(for: admin)
    case let access as AccessError: sentence(for: access)
    case let invalid as LiaisonMerge.ValidationError: sentence(for: invalid)
    case let csv as CSVError: sentence(for: csv)
    case let link as EnrolmentLinkError: sentence(for: link)
    default: language == .english ? "\(error)" : self("error.other", ["message": "\(error)"])
    }
  }

  func sentence(for error: StoreError) -> String {
    switch error {
    case .notInitialized(let path): self("error.store.notInitialized", ["path": path])
    case .alreadyInitialized(let path): self("error.store.alreadyInitialized", ["path": path])
    case .notAStore(let path, let reason):
      self("error.store.notAStore", ["path": path, "reason": reason])
    case .newerVersion(let path): self("error.store.newerVersion", ["path": path])
    case .unknownReport(let prefix): self("error.store.unknownReport", ["prefix": prefix])
    case .ambiguousReport(let prefix, let matches):
      self(
        "error.store.ambiguousReport",
        [
          "prefix": prefix, "count": String(matches.count),
          "ids": matches.prefix(3).map(\.description).joined(separator: ", ")
            + (matches.count > 3 ? ", ..." : ""),
        ])
    case .malformedReportID(let prefix): self("error.store.malformedReportID", ["prefix": prefix])
    case .villageNotEnrolled(let village, let enrolled):
      self(
        "error.store.villageNotEnrolled",
        ["village": village, "villages": enrolled.joined(separator: ", ")])
    case .reportDeleted(let id):
      self("error.store.reportDeleted", ["id": String(id.description.prefix(8))])
    case .invalid(let invalid): sentence(for: invalid)
    case .access(let access): sentence(for: access)
    case .admin(let admin): sentence(for: admin)
    case .pushRefused(let refusal): refusal.message
    case .cursorBeyondLog(let cursor, let end):
      self("error.store.cursorBeyondLog", ["cursor": String(cursor), "end": String(end)])
    case .busy(let cause): self("error.store.busy", ["cause": cause])
    case .signingKey(let problem): problem
    case .database(let message): self("error.store.database", ["message": message])
    }
  }

  func sentence(for error: SyncError) -> String {
    switch error {
    case .unreachable(let url, let reason):
      self("error.sync.unreachable", ["url": url, "reason": reason])
    case .refused(_, "revoked", let message):
      language == .english
        ? self("error.sync.revoked", ["message": message]) : self("error.access.revoked")
    case .refused(let status, let code, let message):
      // In another language, a refusal whose code says it all reads as that code's sentence
      // rather than the server's English message (the wire's words).
      language != .english && Catalogue.english["error.access.\(code)"] != nil
        ? self("error.access.\(code)")
        : self(
          "error.sync.refused", ["status": String(status), "code": code, "message": message])
    case .badAnswer(let detail): self("error.sync.badAnswer", ["detail": detail])
    case .cursorRefused(let message): self("error.sync.cursorRefused", ["message": message])
    case .notEnrolled: self("error.sync.notEnrolled")
    case .pinMismatch(let url, let expected, let presented):
      self(
        "error.sync.pinMismatch", ["url": url, "expected": expected, "presented": presented])
    case .serverUsesTLS(let url): self("error.sync.serverUsesTLS", ["url": url])
    case .serverWithoutTLS(let url, let reason):
      self("error.sync.serverWithoutTLS", ["url": url, "reason": reason])
    case .badAddress(let message): message
    }
  }

  func sentence(for error: AdminError) -> String {
    switch error {
    case .stale(let id, let current):
      self("error.admin.stale", ["id": String(id.description.prefix(8)), "version": current])
    case .notInConflict(let id, let field):
      self(
        "error.admin.notInConflict",
        ["id": String(id.description.prefix(8)), "field": fieldName(field.rawValue)])
    case .noConflict(let id):
      self("error.admin.noConflict", ["id": String(id.description.prefix(8))])
    case .noSuchValue(let field, let pick, let count):
      self(
        "error.admin.noSuchValue",
        ["field": fieldName(field.rawValue), "pick": String(pick), "count": String(count)])
    case .nothingFrom(let device): self("error.admin.nothingFrom", ["device": device])
    case .unknownDevice(let text): self("error.admin.unknownDevice", ["device": text])
    case .ambiguousDevice(let text, let matches):
      self(
        "error.admin.ambiguousDevice",
        [
          "device": text, "count": String(matches.count),
          "matches": matches.prefix(3).joined(separator: ", "),
        ])
    case .nameTaken(let name): self("error.admin.nameTaken", ["name": name])
    case .deletionUndecided(let id):
      self("error.admin.deletionUndecided", ["id": String(id.description.prefix(8))])
    case .alreadyRevoked(let name, let device, _):
      self("error.admin.alreadyRevoked", ["name": name, "device": String(device.prefix(8))])
    }
  }

  func sentence(for error: AccessError) -> String {
    self("error.access.\(error.code)")
  }

  func sentence(for error: EnrolmentLinkError) -> String {
    switch error.problem {
    case .badCode: self("error.link.badCode")
    case .noFragment: self("error.link.noFragment")
    case .wrongPath: self("error.link.wrongPath")
    case .noCode: self("error.link.noCode")
    case .badPin: self("error.link.badPin", ["form": self("common.pinFormText")])
    case .httpsNeedsPin: self("error.link.httpsNeedsPin")
    case .pinWithoutTLS: self("error.link.pinWithoutTLS")
    case .badScheme: self("error.link.badScheme")
    case .noHost(let server): self("error.link.noHost", ["server": server])
    }
  }

  func sentence(for error: CSVError) -> String {
    switch error {
    case .unterminatedQuote(let line): self("error.csv.unterminatedQuote", ["line": String(line)])
    case .textAfterClosingQuote(let line):
      self("error.csv.textAfterClosingQuote", ["line": String(line)])
    case .invalidUTF8(let line): self("error.csv.invalidUTF8", ["line": String(line)])
    }
  }

  /// A value refused for a field: the field by its name in this language, the value as typed.
  func sentence(for error: LiaisonMerge.ValidationError) -> String {
    let problem = error.problem
    var arguments = ["field": fieldName(error.field), "value": error.value]
    switch problem {
    case .notAllowed(let allowed):
      arguments["allowed"] = allowed.map { choice(for: $0) }.joined(
        separator: self("common.listSeparator"))
    case .tooLong(let maximum): arguments["maximum"] = String(maximum)
    case .wrongType(let expected): arguments["expected"] = expected
    case .unknownField:
      arguments["fields"] = Field.allCases.map(\.rawValue).joined(separator: ", ")
    case .invalidClock(let reason), .malformed(let reason), .badSignature(let reason):
      arguments["reason"] = reason
    default: break
    }
    let form = error.value.isEmpty ? "bare" : "valued"
    return self("error.invalid.\(form).\(problem.code)", arguments)
  }

  /// A value as a person types it, with its name when the language names it otherwise:
  /// `dispute (纠纷)`.
  public func choice(for value: String) -> String {
    let name = valueName(value)
    return language == .english || name == value
      ? value : self("common.choice", ["value": value, "name": name])
  }
}
