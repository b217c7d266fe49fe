import Logging

/// The server logs every refusal at `notice`; the router tests make hundreds on purpose, and
/// their lines would bury the test output. Warnings and worse still show.
let quietLogger: Logger = {
  var logger = Logger(label: "township-test")
  logger.logLevel = .warning
  return logger
}()
