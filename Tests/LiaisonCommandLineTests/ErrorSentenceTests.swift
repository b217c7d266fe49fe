import LiaisonCommandLine
import LiaisonLocalization
import LiaisonMerge
import LiaisonStore
import LiaisonSync
import LiaisonText
import LiaisonTownship
import LiaisonWire
import Testing

/// The libraries' errors as the command lines say them: in English exactly the libraries'
/// own words, so scripts and tests that read them see no change; in Chinese a whole
/// catalogue sentence.
@Suite struct ErrorSentenceTests {
  static let id = ReportID(high: 0x3f2a_9c1e_0000_4000, low: 0x8000_0000_0000_0001)

  static let errors: [any Error] = [
    StoreError.notInitialized(path: "/srv/a"), StoreError.alreadyInitialized(path: "/srv/a"),
    StoreError.notAStore(path: "/srv/a", reason: "r"), StoreError.newerVersion(path: "/srv/a"),
    StoreError.unknownReport("3f"), StoreError.ambiguousReport("3f", matches: [id, id, id, id]),
    StoreError.malformedReportID("zz"),
    StoreError.villageNotEnrolled("西村", enrolled: ["东村", "南村"]),
    StoreError.reportDeleted(id), StoreError.cursorBeyondLog(9, end: 3),
    StoreError.busy("locked"), StoreError.database("gone"),
    SyncError.unreachable(url: "https://h", reason: "r"),
    SyncError.refused(status: 403, code: "revoked", message: "m"),
    SyncError.refused(status: 400, code: "malformed", message: "m"),
    SyncError.badAnswer("d"), SyncError.cursorRefused("m"), SyncError.notEnrolled,
    SyncError.pinMismatch(url: "https://h", expected: "sha256:aa", presented: "sha256:bb"),
    SyncError.serverUsesTLS(url: "http://h"),
    SyncError.serverWithoutTLS(url: "https://h", reason: "r"),
    AdminError.stale(id, current: "v2"), AdminError.notInConflict(id, .title),
    AdminError.noConflict(id), AdminError.noSuchValue(.title, pick: 4, count: 2),
    AdminError.nothingFrom("李伟"), AdminError.unknownDevice("x"),
    AdminError.ambiguousDevice("9c", matches: ["9c1", "9c2"]), AdminError.nameTaken("王主任"),
    AdminError.deletionUndecided(id),
    AdminError.alreadyRevoked(name: "李伟", device: "9c1e0000aaaa", at: 0),
    CSVError.unterminatedQuote(line: 3), CSVError.textAfterClosingQuote(line: 3),
    CSVError.invalidUTF8(line: 3),
    EnrolmentLinkError(.badCode), EnrolmentLinkError(.noFragment), EnrolmentLinkError(.wrongPath),
    EnrolmentLinkError(.noCode), EnrolmentLinkError(.badPin), EnrolmentLinkError(.httpsNeedsPin),
    EnrolmentLinkError(.pinWithoutTLS), EnrolmentLinkError(.badScheme),
    EnrolmentLinkError(.noHost("https://")),
  ]

  static var validation: [LiaisonMerge.ValidationError] {
    let problems: [LiaisonMerge.ValidationError.Problem] = [
      .required, .notAllowed(["hazard", "in_progress"]), .empty, .tooLong(maximum: 200),
      .invalidDate, .invalidCoordinates, .controlCharacter, .notNormalized,
      .wrongType(expected: "text"), .unknownField, .invalidClock("c"), .invalidID,
      .malformed("m"), .badSignature("s"),
    ]
    return problems.flatMap { problem in
      [
        LiaisonMerge.ValidationError(field: "status", value: "", problem: problem),
        LiaisonMerge.ValidationError(field: "status", value: "done", problem: problem),
      ]
    }
  }

  static var all: [any Error] {
    errors + validation + AccessError.allCodes.map { $0 as any Error }
      + validation.map { StoreError.invalid($0) as any Error }
  }

  @Test func englishIsTheLibrariesOwnWords() {
    for error in Self.all {
      #expect(Localizer(.english).sentence(for: error) == "\(error)")
    }
  }

  @Test func chineseIsACatalogueSentence() {
    for error in Self.all {
      let sentence = Localizer(.chinese).sentence(for: error)
      let han = sentence.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
      #expect(han && sentence != "\(error)", "\(error): \(sentence)")
    }
    let refused = LiaisonMerge.ValidationError(
      field: "status", value: "done", problem: .notAllowed(["open", "in_progress"]))
    #expect(
      Localizer(.chinese).sentence(for: refused)
        == "状态不能填“done”，请选其中之一：open（待办）、in_progress（办理中）")
  }
}

extension AccessError {
  static let allCodes: [AccessError] = [
    .unauthenticated, .revoked, .invalidCode, .replicaTaken, .forbidden, .keyInUse,
    .keyAlreadyBound,
  ]
}
