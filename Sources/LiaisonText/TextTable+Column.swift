extension TextTable {
  /// One column of a ``TextTable``: its header and how it behaves when space runs out.
  public struct Column: Sendable, Hashable {
    /// The narrowest a flexible column is shrunk to when it declares no ``minimumWidth``:
    /// below about eight columns a truncated title no longer says which report it is.
    public static let defaultMinimumWidth = 8

    /// The column's title, shown above the separator line and counted in its width, so a
    /// short header over wide values or a long header over short values both line up.
    public var header: String

    /// The width, in terminal columns, the column never goes below: it pads narrower
    /// content and is the floor when a ``flexible`` column is shrunk. `nil` means "as wide
    /// as the content", shrinkable down to ``defaultMinimumWidth``.
    public var minimumWidth: Int?

    /// Whether cells hug the right edge, so that numbers and counts line up by their last
    /// digit the way readers compare them.
    public var alignRight: Bool

    /// Whether this column may give up width, by truncating its cells with "…", when the
    /// table is wider than the terminal. Mark free text (titles, notes) flexible and keep
    /// identifiers and dates rigid so they are never cut.
    public var flexible: Bool

    /// Whether a cell too wide for a shrunk ``flexible`` column continues on the lines below
    /// instead of being cut with "…": for text that must be read whole, such as an audit
    /// trail's reasons and names.
    public var wraps: Bool

    /// A column titled `header`; every option defaults to the plain left-aligned,
    /// content-sized, never-truncated behaviour, so most columns need only a title.
    public init(
      _ header: String, minimumWidth: Int? = nil, alignRight: Bool = false,
      flexible: Bool = false, wraps: Bool = false
    ) {
      self.header = header
      self.minimumWidth = minimumWidth
      self.alignRight = alignRight
      self.flexible = flexible
      self.wraps = wraps
    }
  }
}
