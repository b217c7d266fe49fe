extension DisplayWidth {
  /// The East Asian Wide and Fullwidth ranges, plus the emoji blocks terminals draw two
  /// columns wide: Hangul Jamo, CJK radicals and punctuation, kana, CJK ideographs and their
  /// extensions, Yi, Hangul syllables, compatibility ideographs, vertical and full-width forms.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,
    0x2E80...0x303E,
    0x3041...0x33FF,
    0x3400...0x4DBF,
    0x4E00...0x9FFF,
    0xA000...0xA4CF,
    0xAC00...0xD7A3,
    0xF900...0xFAFF,
    0xFE30...0xFE4F,
    0xFF00...0xFF60,
    0xFFE0...0xFFE6,
    0x1F300...0x1F64F,
    0x1F900...0x1F9FF,
    0x20000...0x2FFFD,
    0x30000...0x3FFFD,
  ]

  /// The columns one grapheme cluster occupies: that of its first scalar, since whatever
  /// follows it in the cluster (accents, variation selectors, joiners) draws on top of it.
  static func columns(of cluster: Character) -> Int {
    guard let first = cluster.unicodeScalars.first else { return 0 }
    return columns(of: first)
  }

  /// The columns one scalar occupies on its own: 0, 1 or 2.
  static func columns(of scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    if value < 0x80 {
      return (0x20..<0x7F).contains(value) ? 1 : 0
    }
    if isZeroWidth(scalar) {
      return 0
    }
    if value < 0x1100 {
      return 1
    }
    return wideRanges.contains { $0.contains(value) } ? 2 : 1
  }

  /// Whether `scalar` takes no column: control characters, combining and enclosing marks,
  /// format characters (joiners, direction marks) and variation selectors.
  static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x200B...0x200F, 0xFE00...0xFE0F:
      return true
    default:
      break
    }
    switch scalar.properties.generalCategory {
    case .control, .nonspacingMark, .enclosingMark, .format:
      return true
    default:
      return false
    }
  }
}
