/// A note appended to a report. Notes are never edited or removed, so they never conflict.
public struct Note: Hashable, Sendable {
  /// The write that added the note; it is also the note's id.
  public let dot: Dot
  public let text: String
  public let attribution: Attribution

  public init(dot: Dot, text: String, attribution: Attribution) {
    self.dot = dot
    self.text = text
    self.attribution = attribution
  }
}

/// The append-only set of a report's notes, sorted by dot. Merge is set union.
public struct NoteSet: Hashable, Sendable {
  /// The notes sorted by dot, one per dot.
  public private(set) var notes: [Note]

  public init() {
    notes = []
  }

  /// Builds a set from notes in any order; of two notes under one dot (a protocol violation)
  /// the one that sorts last by text, author and time is kept, as merge would.
  public init(_ notes: some Sequence<Note>) {
    self.notes = []
    for note in notes { insert(note) }
  }

  public var isEmpty: Bool { notes.isEmpty }

  /// The notes in the order people read them: by the writers' times, then by dot.
  public var chronological: [Note] {
    notes.sorted { ($0.attribution.time, $0.dot) < ($1.attribution.time, $1.dot) }
  }

  /// Adds a note, keeping the set sorted.
  public mutating func insert(_ note: Note) {
    let index = notes.firstIndex { !($0.dot < note.dot) } ?? notes.endIndex
    if index < notes.endIndex, notes[index].dot == note.dot {
      if NoteSet.keepsSecond(notes[index], note) { notes[index] = note }
    } else {
      notes.insert(note, at: index)
    }
  }

  /// The union of two sets.
  public func merged(with other: NoteSet) -> NoteSet {
    if notes == other.notes || other.notes.isEmpty { return self }
    if notes.isEmpty { return other }
    var result: [Note] = []
    result.reserveCapacity(notes.count + other.notes.count)
    var left = 0
    var right = 0
    while left < notes.count || right < other.notes.count {
      if right == other.notes.count
        || (left < notes.count && notes[left].dot < other.notes[right].dot)
      {
        result.append(notes[left])
        left += 1
      } else if left == notes.count || other.notes[right].dot < notes[left].dot {
        result.append(other.notes[right])
        right += 1
      } else {
        let a = notes[left]
        let b = other.notes[right]
        result.append(NoteSet.keepsSecond(a, b) ? b : a)
        left += 1
        right += 1
      }
    }
    var merged = NoteSet()
    merged.notes = result
    return merged
  }

  private static func keepsSecond(_ a: Note, _ b: Note) -> Bool {
    if a.text != b.text { return utf8Greater(b.text, a.text) }
    if a.attribution.author != b.attribution.author {
      return utf8Greater(b.attribution.author, a.attribution.author)
    }
    return b.attribution.time > a.attribution.time
  }
}
