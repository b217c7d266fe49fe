import ArgumentParser

/// How a command prints what it lists: `table` for people, `json` for scripts.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case table
  case json
}
