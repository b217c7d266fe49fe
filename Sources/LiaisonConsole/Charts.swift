import LiaisonLocalization
import LiaisonMerge
import LiaisonTownship

/// The dashboard's two charts as geometry for the SVG templates: drawn on the server, bars
/// with text labels, no script.
enum Charts {
  /// New against resolved reports per week, oldest week first.
  static func weekly(_ weeks: [TownshipSummary.Week], _ localizer: Localizer) -> [String: Any] {
    let (width, height, base, left) = (640, 260, 220, 40)
    let slot = weeks.isEmpty ? 0 : (width - left) / weeks.count
    let barWidth = max(4, slot / 2 - 4)
    let top = max(1, weeks.map { max($0.new, $0.resolved) }.max() ?? 1)
    let scale = Double(base - 40) / Double(top)
    let bars: [[String: Any]] = weeks.enumerated().map { index, week in
      let x = left + index * slot + 2
      let newHeight = Int((Double(week.new) * scale).rounded())
      let resolvedHeight = Int((Double(week.resolved) * scale).rounded())
      let label = shortDay(week.start, localizer)
      return [
        "label": label, "new": week.new, "resolved": week.resolved, "barWidth": barWidth,
        "newX": x, "newY": base - newHeight, "newHeight": newHeight,
        "resolvedX": x + barWidth + 2, "resolvedY": base - resolvedHeight,
        "resolvedHeight": resolvedHeight, "newMid": x + barWidth / 2,
        "resolvedMid": x + barWidth + 2 + barWidth / 2, "newLabelY": base - newHeight - 3,
        "resolvedLabelY": base - resolvedHeight - 3, "mid": x + barWidth, "labelY": base + 16,
      ]
    }
    let new = weeks.reduce(0) { $0 + $1.new }
    let resolved = weeks.reduce(0) { $0 + $1.resolved }
    return [
      "width": width, "height": height, "base": base, "bars": bars,
      "summary": localizer(
        "console.chart.weekly_summary",
        ["weeks": String(weeks.count), "new": String(new), "resolved": String(resolved)]),
    ]
  }

  /// The most villages the open chart draws; the rest are counted below it.
  static let villageLimit = 40

  /// Open reports by village, each a bar cut into its categories, fullest village first.
  static func open(_ counts: [TownshipSummary.OpenCount], _ localizer: Localizer) -> [String: Any] {
    var byVillage: [String: [String: Int]] = [:]
    for count in counts { byVillage[count.village, default: [:]][count.category] = count.count }
    let villages = byVillage.map { (village: $0.key, total: $0.value.values.reduce(0, +)) }
      .sorted { ($0.total, $1.village) > ($1.total, $0.village) }
    let shown = villages.prefix(villageLimit)
    let (width, left, right, rowHeight, top) = (640, 130, 50, 24, 28)
    let most = max(1, shown.first?.total ?? 1)
    let scale = Double(width - left - right) / Double(most)
    let categories = Category.allCases.map(\.rawValue)
    let rows: [[String: Any]] = shown.enumerated().map { index, entry in
      let y = top + index * rowHeight
      var x = left
      var segments: [[String: Any]] = []
      for category in categories {
        guard let count = byVillage[entry.village]?[category], count > 0 else { continue }
        let segment = max(1, Int((Double(count) * scale).rounded()))
        segments.append([
          "code": category, "name": localizer.valueName(category), "count": count, "x": x,
          "y": y, "width": segment, "height": rowHeight - 6, "village": entry.village,
        ])
        x += segment
      }
      return [
        "village": entry.village, "segments": segments, "total": entry.total,
        "labelX": left - 6, "textY": y + rowHeight / 2 + 2, "totalX": x + 4,
      ]
    }
    let legend: [[String: Any]] = categories.enumerated().map { index, category in
      [
        "code": category, "name": localizer.valueName(category), "x": index * 100,
        "textX": index * 100 + 16,
      ]
    }
    let total = villages.reduce(0) { $0 + $1.total }
    var chart: [String: Any] = [
      "width": width, "height": top + max(1, shown.count) * rowHeight + 4, "rows": rows,
      "legend": legend, "empty": villages.isEmpty,
      "summary": localizer(
        "console.chart.open_summary",
        ["count": String(total), "villages": String(villages.count)]),
    ]
    if villages.count > shown.count {
      chart["more"] = localizer(
        "console.chart.open_more",
        ["shown": String(shown.count), "villages": String(villages.count)])
    }
    return chart
  }

  /// A week's first day, short: `03-01` or `3月1日`.
  static func shortDay(_ milliseconds: Int64, _ localizer: Localizer) -> String {
    let day = localizer.day(milliseconds: milliseconds)
    if localizer.language == .chinese, let year = day.firstIndex(of: "年") {
      return String(day[day.index(after: year)...])
    }
    return String(day.dropFirst(5))
  }
}
