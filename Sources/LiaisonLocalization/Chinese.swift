extension Catalogue {
  /// The Simplified Chinese catalogue, written the way a township clerk speaks (调解, 隐患,
  /// 包案, 台账), not word for word.
  public static let chinese: [String: String] = [
    // MARK: Fields
    "field.village": "村",
    "field.category": "类别",
    "field.title": "标题",
    "field.details": "详情",
    "field.urgency": "紧急程度",
    "field.status": "状态",
    "field.location": "地点",
    "field.parties": "当事人",
    "field.assignee": "包案人",
    "field.due": "办结期限",
    "field.deleted": "已删除",

    // MARK: Values
    "value.hazard": "隐患",
    "value.dispute": "纠纷",
    "value.assistance": "帮扶",
    "value.grievance": "诉求",
    "value.visit": "走访",
    "value.other": "其他",
    "value.urgent": "紧急",
    "value.high": "较急",
    "value.normal": "一般",
    "value.low": "不急",
    "value.open": "待办",
    "value.in_progress": "办理中",
    "value.resolved": "已化解",
    "value.closed": "已办结",

    // MARK: Common
    "common.error": "错误：{message}",
    "common.none": "无",

      // MARK: liaison

      // MARK: township

      // MARK: console
  ]
}
