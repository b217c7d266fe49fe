extension ConsoleTemplates {
  static let reports = ""
  static let report = ""
  static let conflicts = ""
  static let decision = ""
  static let devices = ""
  static let enrolled = ""
  static let audit = ""
}
