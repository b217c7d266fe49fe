/// A command that cannot do what was asked, for a reason the message names. Thrown from
/// `run()`, it prints as one line with no usage text: the arguments parsed, the request
/// itself was the problem.
struct CommandFailure: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
