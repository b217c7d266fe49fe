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

    // MARK: errors
    "common.column.id": "编号",
    "common.column.created": "登记时间",
    "common.column.village": "村",
    "common.column.category": "类别",
    "common.column.urgency": "紧急程度",
    "common.column.status": "状态",
    "common.column.title": "标题",
    "common.column.code": "代码",
    "common.column.why": "原因",
    "common.deletedTitle": "{title}（已删除）",
    "common.noValue": "（无）",
    "common.export.done": "已导出 {count} 件事项到 {path}",
    "common.export.cannotWrite": "无法写入 {path}",
    "common.needVillage": "请至少给一个 --village（村）",
    "common.pinForm": "{option} 的格式应为 {form}",
    "common.option.all": "连已删除的事项一并列出。",
    "common.option.exportFormat": "csv 或 json。",
    "common.option.format": "table（给人看的表格）或 json（给脚本用）。",
    "common.option.output": "写到这个文件，而不是标准输出。",
    "common.option.oneOf": "可选：{choices}。",
    "common.option.reportID": "事项编号，或不重复的编号开头几位。",
    "common.show.heading": "事项 {id}",
    "common.show.headingDeleted": "事项 {id}（已删除）",
    "common.show.inConflict": "有冲突：{fields}（由管理员裁定；裁定前先显示第一个值）",
    "common.show.label": "{field}：",
    "common.show.conflictedField": "{label} 【有冲突】",
    "common.show.concurrentValue": "{value}  —— {author}，设备 {device}，{time}",
    "common.show.deletionConflict": "已删除：【有冲突】有人删除时，另有人在不知情的情况下作了修改；裁定之前事项照常显示",
    "common.show.notes": "办理记录：",
    "common.filter.village": "只看这个村。",
    "common.filter.category": "只看这个类别。",
    "common.filter.status": "只看这个状态。",
    "common.filter.urgency": "只看这个紧急程度。",
    "common.filter.conflicted": "只看有冲突的事项。",
    "common.filter.search": "只看标题或详情里含有这段文字的事项。",
    "common.filter.limit": "最多显示这么多件；0 表示全部显示。",
    "common.filter.limitNegative": "--limit 不能小于 0",
    "common.choice": "{value}（{name}）",
    "common.listSeparator": "、",
    "common.seeHelp": "用法见 `{command} --help`。",
    "error.other": "未能完成：{message}",
    "error.store.notInitialized": "{path} 还没有台账，请先运行 `liaison init --name 姓名 --village 村名` 建立",
    "error.store.alreadyInitialized": "{path} 已经有台账了，原样保留，未作改动",
    "error.store.notAStore": "{path} 不是可用的台账（{reason}），原样保留，未作改动",
    "error.store.newerVersion": "{path} 的台账是更新版本的软件写的，请先升级 liaison 再用",
    "error.store.unknownReport": "没有编号以“{prefix}”开头的事项；编号可用 `liaison list` 查看",
    "error.store.ambiguousReport": "有 {count} 件事项的编号以“{prefix}”开头（{ids}），请多输几位",
    "error.store.malformedReportID": "“{prefix}”不是事项编号；编号由小写十六进制字符组成，例如 3f2a9c1e",
    "error.store.villageNotEnrolled": "本设备没有登记“{village}”，只能记录这些村：{villages}",
    "error.store.reportDeleted": "事项 {id} 已删除，请先运行 `liaison restore {id}` 恢复",
    "error.store.cursorBeyondLog":
      "同步位置 {cursor} 超出了服务器日志的末尾（{end}），不是本服务器给出的（服务器是否用旧备份恢复过？）；请从头同步",
    "error.store.busy": "数据库正忙（{cause}），请稍后再试",
    "error.store.database": "数据库出错：{message}",
    "error.sync.unreachable": "连不上 {url} 的服务器（{reason}）；本机的修改都已保存，下次同步时再上报",
    "error.sync.revoked": "服务器拒绝了本设备：它的凭证已被注销（{message}）",
    "error.sync.refused": "服务器拒绝了请求（{status} {code}）：{message}",
    "error.sync.badAnswer": "看不懂服务器的答复：{detail}",
    "error.sync.cursorRefused": "服务器不认本设备的同步位置：{message}",
    "error.sync.notEnrolled": "本设备还没有登记到乡镇；请用 `township enroll` 给出的链接运行 `liaison enroll 链接`",
    "error.sync.pinMismatch":
      "{url} 的服务器出示的证书是 {presented}，不是本机认定的 {expected}：已拒绝连接，什么也没发送（如果乡镇换了证书，请用新链接重新登记）",
    "error.sync.serverUsesTLS":
      "{url} 的服务器使用加密连接（https）：请用带证书指纹的 https:// 链接登记；已登记的设备请用乡镇给的指纹运行 `liaison repin sha256:... --server https://...`",
    "error.sync.serverWithoutTLS":
      "{url} 的服务器没有使用加密连接（{reason}）；http:// 只用于以 --insecure-http 启动的服务器",
    "error.admin.stale": "事项 {id} 在您查看之后又有了变动（现为版本 {version}），请重新查看",
    "error.admin.notInConflict": "事项 {id} 的“{field}”没有冲突",
    "error.admin.noConflict": "事项 {id} 没有需要裁定的冲突",
    "error.admin.noSuchValue": "“{field}”有 {count} 个并存的值，请在 1 到 {count} 中选，不能选 {pick}",
    "error.admin.nothingFrom": "设备 {device} 没有写过这件事项的任何冲突值",
    "error.admin.unknownDevice": "没有编号、编号开头或名字是“{device}”的设备；设备清单见 `township devices`",
    "error.admin.ambiguousDevice": "有 {count} 台设备与“{device}”相符（{matches}），请多输几位编号",
    "error.admin.nameTaken": "已经有一位叫“{name}”的管理员了；请换个名字，免得操作记录里分不清",
    "error.admin.deletionUndecided":
      "请先裁定这件事项删不删：township resolve {id} --field deleted --pick 1（恢复）或 --pick 2（保持删除）；也可以用 --all-from 整体采用某台设备的值（连同删除与否）",
    "error.admin.alreadyRevoked": "{name} 的设备 {device} 早已注销；注销时间见 `township devices`",
    "error.access.unauthenticated": "没有出示有效的凭证",
    "error.access.revoked": "本设备的凭证已被注销；请找乡镇办公室重新登记",
    "error.access.invalid_code": "登记码不对、已用过或已过期",
    "error.access.replica_taken": "本设备的编号在乡镇已被占用",
    "error.access.forbidden": "这项操作需要管理员凭证",
    "error.access.key_in_use": "这个签名密钥在乡镇已绑定到另一台设备；每台设备都有自己的密钥",
    "error.access.key_bound": "本设备在乡镇已绑定了另一个签名密钥；密钥只绑定一次，要更换请重新登记设备",
    "error.csv.unterminatedQuote": "CSV 第 {line} 行：引号内的字段从这里开始，却缺少结尾的引号",
    "error.csv.textAfterClosingQuote": "CSV 第 {line} 行：结尾引号后面还有文字；字段的引号必须把它整个括起来",
    "error.csv.invalidUTF8": "CSV 第 {line} 行：不是有效的 UTF-8；请把文件另存为 UTF-8 后再试",
    "error.invalid.bare.required": "{field}必须填写",
    "error.invalid.valued.required": "{field}“{value}”必须填写",
    "error.invalid.bare.not_allowed": "{field}不在可选范围内，请选其中之一：{allowed}",
    "error.invalid.valued.not_allowed": "{field}不能填“{value}”，请选其中之一：{allowed}",
    "error.invalid.bare.empty": "{field}是空的，请至少写一个看得见的字",
    "error.invalid.valued.empty": "{field}“{value}”是空的，请至少写一个看得见的字",
    "error.invalid.bare.too_long": "{field}太长了，最多只能写 {maximum} 个字符",
    "error.invalid.valued.too_long": "{field}“{value}”太长了，最多只能写 {maximum} 个字符",
    "error.invalid.bare.invalid_date": "{field}不是有效日期，请按“年-月-日”写，例如 2026-03-15",
    "error.invalid.valued.invalid_date": "{field}“{value}”不是有效日期，请按“年-月-日”写，例如 2026-03-15",
    "error.invalid.bare.invalid_coordinates":
      "{field}不是有效的坐标；请写“纬度,经度”（十进制度数，纬度 -90 到 90，经度 -180 到 180，最多 7 位小数），例如 31.2304,121.4737",
    "error.invalid.valued.invalid_coordinates":
      "{field}“{value}”不是有效的坐标；请写“纬度,经度”（十进制度数，纬度 -90 到 90，经度 -180 到 180，最多 7 位小数），例如 31.2304,121.4737",
    "error.invalid.bare.control_character": "{field}里有控制字符，这里不允许",
    "error.invalid.valued.control_character": "{field}“{value}”里有控制字符，这里不允许",
    "error.invalid.bare.not_normalized": "{field}不是 Unicode NFC 规范化形式",
    "error.invalid.valued.not_normalized": "{field}“{value}”不是 Unicode NFC 规范化形式",
    "error.invalid.bare.wrong_type": "{field}的类型不对，应为 {expected}",
    "error.invalid.valued.wrong_type": "{field}“{value}”的类型不对，应为 {expected}",
    "error.invalid.bare.unknown_field": "{field}不是事项的栏目；栏目有：{fields}",
    "error.invalid.valued.unknown_field": "{field}“{value}”不是事项的栏目；栏目有：{fields}",
    "error.invalid.bare.invalid_clock": "{field}不符合时钟规则：{reason}",
    "error.invalid.valued.invalid_clock": "{field}“{value}”不符合时钟规则：{reason}",
    "error.invalid.bare.invalid_id": "{field}不是有效的编号",
    "error.invalid.valued.invalid_id": "{field}“{value}”不是有效的编号",
    "error.invalid.bare.malformed": "{field}格式不对：{reason}",
    "error.invalid.valued.malformed": "{field}“{value}”格式不对：{reason}",
    "error.invalid.bare.bad_signature": "{field}不是有效的签名：{reason}",
    "error.invalid.valued.bad_signature": "{field}“{value}”不是有效的签名：{reason}",

    // MARK: liaison
    "liaison.abstract": "在外勤设备上登记、管理各村的事项，有没有网络都能用。",
    "liaison.discussion": """
    事项记在本机台账里，断电也不会丢；一有网络，sync 就把它们上报到乡镇服务器。事项编号可以只输开头几位，只要不重复就行（和 git 一样）。

    上手步骤：
      liaison init --name 李伟 --village 东村
      liaison new --category dispute --title 水渠纠纷 --details "两户争用水渠"
      liaison list
      liaison show 3f2a9c1e --history
      liaison enroll 'https://township.local:8080/enrol#code=CODE&pin=sha256:...'
      liaison sync

    台账放在 --store 指定的目录；没指定就用 $LIAISON_HOME，再没有就用 ~/.liaison。

    --category、--urgency、--status 的取值要照英文输入（例如 dispute 即纠纷），显示时会译成中文。
    """,
    "liaison.edit.abstract": "修改事项的部分栏目，其余栏目保持不变。",
    "liaison.edit.discussion": """
      liaison edit 3f2a --status in_progress --assignee 张主任
      liaison edit 3f2a --details ""          （给空值即清空可选栏目）
    """,
    "liaison.edit.nothing": "没有要改的内容：请至少给一个栏目，例如 --status resolved",
    "liaison.edit.updated": "已修改 {id}：{fields}",
    "liaison.note.abstract": "给事项添一条办理记录。记录只增不改，也不会冲突。",
    "liaison.note.discussion": "  liaison note 3f2a \"已电话联系双方\"",
    "liaison.note.text": "记录的内容。",
    "liaison.note.added": "已给 {id} 添了一条记录",
    "liaison.delete.abstract": "删除事项。删除后仍留有底，可以恢复。",
    "liaison.delete.done": "已删除 {id}；用 `liaison restore {id}` 可以恢复",
    "liaison.restore.abstract": "恢复已删除的事项。",
    "liaison.restore.done": "已恢复 {id}",
    "liaison.option.village": "村名；须是本设备登记过的村。",
    "liaison.option.title": "简短标题，1 到 200 个字。",
    "liaison.option.details": "事情经过，最多 20000 字。给空值即清空。",
    "liaison.option.urgency": "可选：{choices}（新事项默认 normal，即一般）。",
    "liaison.option.status": "可选：{choices}（新事项默认 open，即待办）。",
    "liaison.option.location": "地点（文字描述）。给空值即清空地点。",
    "liaison.option.coordinates": "坐标，写作“纬度,经度”（十进制度数），例如 31.2304,121.4737。",
    "liaison.option.parties": "当事人。",
    "liaison.option.assignee": "包案人，即谁负责办理。",
    "liaison.option.due": "办结期限，格式为 年-月-日（如 2026-03-15）。给空值即清空。",
    "liaison.option.name": "使用本设备的联络员姓名；每一处修改都记在这个名下。",
    "liaison.option.initVillage": "本设备负责登记的村；多个村就重复给几次。",
    "liaison.option.note": "同时添上的第一条办理记录。",
    "liaison.option.link": "`township enroll` 给出的登记链接（请加引号，因为里面有 # 和 &）。",
    "liaison.option.server": "乡镇服务器的地址，例如 https://192.168.1.10:8080。",
    "liaison.option.code": "一次性登记码。",
    "liaison.option.pin": "服务器证书的指纹 sha256:...（http:// 服务器不用给）。",
    "liaison.option.batchSize": "每次请求传送的修改条数，1 到 1000。",
    "liaison.option.newPin": "乡镇新证书的指纹 sha256:...",
    "liaison.option.newServer": "服务器的新地址（如果变了）；默认用登记时的地址。",
    "liaison.option.history": "改为列出这件事项的每一次修改，从最早的开始。",
    "liaison.option.refused": "列出被服务器拒收的修改及原因。",
    "liaison.option.store": "台账所在目录。",
    "liaison.option.store.discussion": "默认用 $LIAISON_HOME，没有就用 ~/.liaison。",
    "liaison.new.abstract": "登记一件新事项，并显示它的编号。",
    "liaison.new.discussion": """
    各栏目用选项给出。在终端上，缺的栏目会逐项询问；在脚本里则必须给齐必填栏目。
      liaison new --category hazard --title 桥梁裂缝 --urgency high --location 村口石桥
    """,
    "liaison.new.missing": "缺少 {flags}；登记新事项必须填写这些栏目",
    "liaison.new.ask": "{field}{hint}：",
    "liaison.new.askOptional": "{field}{hint}（直接回车跳过）：",
    "liaison.new.notGiven": "没有填写{field}",
    "liaison.init.abstract": "在本设备上建立台账。",
    "liaison.init.discussion": """
    每台设备只需运行一次，绝不会覆盖已有的台账。
      liaison init --name 李伟 --village 东村 --village 西村
    """,
    "liaison.init.created": "已在 {path} 为{name}建好台账",
    "liaison.init.villages": "负责的村：{villages}；设备编号 {device}",
    "liaison.list.abstract": "列出事项，最新的在前。",
    "liaison.list.discussion": """
    编号前有 ! 的事项有冲突。
      liaison list --village 东村 --status open
      liaison list --search 水渠 --limit 10
      liaison list --conflicted --format json
    """,
    "liaison.show.abstract": "查看一件事项：所有栏目、并存的值（如有）和办理记录。",
    "liaison.show.discussion": """
    有冲突时，每个并存的值都连同填写人、设备和时间一起列出；标 * 的是管理员裁定之前各设备暂时显示的值。
      liaison show 3f2a
      liaison show 3f2a --history      （每一次修改：谁、何时、原值和新值）
    """,
    "liaison.history.entry": "#{sequence}  {time}  {author}（设备 {device}，第 {counter} 条修改）",
    "liaison.history.entryUnsigned":
      "#{sequence}  {time}  {author}（设备 {device}，第 {counter} 条修改）  未签名：写于启用签名之前",
    "liaison.history.note": "记录：{note}",
    "liaison.history.deleted": "删除了这件事项",
    "liaison.history.restored": "恢复了这件事项",
    "liaison.status.abstract": "查看台账、本设备的身份，以及还有哪些没上报。",
    "liaison.status.discussion": """
    被服务器拒收的修改（例如修改了一件已转到本设备没登记的村的事项）留在本设备上，但到不了乡镇。
    `liaison status` 会数出有几条；`liaison status --refused` 逐条列出服务器给的原因，
    以及服务器发来、本设备无法接收的修改（留存但不采用，一条坏修改不会卡住同步）。
    """,
    "liaison.status.store": "台账目录：{path}",
    "liaison.status.device": "设备编号：{device}",
    "liaison.status.liaison": "联络人员：{name}",
    "liaison.status.villages": "负责村庄：{villages}",
    "liaison.status.reports": "事项数量：{reports} 件（有冲突 {conflicted} 件，已删除 {deleted} 件）",
    "liaison.status.changes": "修改条数：日志中共 {changes} 条，尚未上报 {unsent} 条",
    "liaison.status.server": "同步服务：{url}",
    "liaison.status.notEnrolled": "同步服务：尚未登记",
    "liaison.status.lastSync": "上次同步：{time}",
    "liaison.status.neverSynced": "上次同步：从未同步",
    "liaison.status.refused": "被拒修改：服务器拒收了 {count} 条（详见 liaison status --refused）",
    "liaison.status.unreadable": "无法接收：收到 {count} 条本设备无法接收的修改（详见 liaison status --refused）",
    "liaison.refused.none": "本设备的修改服务器都已接收，没有被拒的。",
    "liaison.refused.column.report": "事项",
    "liaison.refused.column.written": "填写时间",
    "liaison.refused.column.received": "接收时间",
    "liaison.refused.explanation": """
    这些修改仍留在本设备上，但没有报到乡镇。请逐条向管理员问明情况，
    再在服务器能接收的地方重新填写。
    """,
    "liaison.unreadable.heading": "从服务器收到、但本设备没有采用的修改：",
    "liaison.unreadable.explanation": """
    服务器发来了这些修改，但本设备读不懂（服务器版本更新，或传输中受损），没有采用。
    用 `--format json` 可以看到每一条的全文。
    """,
    "liaison.export.abstract": "把全部事项导出为 CSV（可用电子表格打开）或 JSON。",
    "liaison.export.discussion": """
    CSV 为带字节序标记（BOM）的 UTF-8，电子表格打开时中文不会乱码，引号规则依照 RFC 4180；电子表格会当作公式执行的单元格前面加了 '。
    列名和类别、状态等取值保持英文原样，方便脚本读取。
      liaison export --format csv --output reports.csv
      liaison export --format json > reports.json
    """,
    "liaison.enroll.abstract": "用乡镇办公室给的登记链接，把本设备接入乡镇服务器。",
    "liaison.enroll.discussion": """
    乡镇办公室运行 `township enroll --name 姓名 --village 村名`，把链接交给您（当面、二维码，或可信的消息）。链接里有服务器地址、一次性登记码和服务器证书的指纹：
      liaison enroll 'https://192.168.1.10:8080/enrol#code=k7m2p9qrx4ab3cde&pin=sha256:3f...'
    也可以分开输入：
      liaison enroll --server https://192.168.1.10:8080 --code k7m2p9qrx4ab3cde --pin sha256:3f...
    设备会读取服务器证书，证书与指纹不符就拒绝连接（列出两个指纹，什么也不保存）；此后每次同步只认这一张证书。不带指纹的 http:// 地址只用于以 --insecure-http 启动的服务器。
    以后乡镇若更换证书，用 `liaison repin` 认定新证书即可，本设备的登记保持不变。
    """,
    "liaison.enroll.linkOrParts": "请给登记链接，或者给 --server、--code 和 --pin，两者不能同时给",
    "liaison.enroll.needLink":
      "请给 `township enroll` 打印的登记链接，或者给 --server 地址 --code 登记码 --pin sha256:...",
    "liaison.enroll.done": "已登记为{name}，负责 {villages}；用 `liaison sync` 上报和接收事项",
    "liaison.enroll.replicaTaken":
      "服务器拒绝了登记：{message}；如果本设备早已登记，只是乡镇换了证书，请运行 `liaison repin sha256:...`",
    "liaison.repin.abstract": "乡镇更换证书后，改为认定新证书。",
    "liaison.repin.discussion": """
    乡镇更换服务器证书后，每次同步都会拒绝连接，并列出原先认定的指纹和对方出示的指纹。这时办公室会通过可信的渠道（和登记链接一样）把新指纹交给您：
      liaison repin sha256:9c...
      liaison repin sha256:9c... --server https://192.168.1.20:8080   （服务器也搬了家）
    设备读取服务器证书，不是指定的那张就拒绝；再通过新证书确认服务器仍认得本设备的凭证，然后才改为认定新证书。事项、日志、编号和凭证都不变，也不会重复上报。
    """,
    "liaison.repin.pinForm": "指纹的格式应为 {form}",
    "liaison.repin.done": "现在认定 {url} 的证书 {pin}（原为 {old}）；`liaison sync` 会从上次停下的地方继续",
    "liaison.sync.abstract": "把本设备的修改上报服务器，再接收其他人的修改。",
    "liaison.sync.discussion": "随时中断都不要紧：下次同步会从停下的地方接着来，不会重复上报或重复采用。在终端上会实时显示进度。",
    "liaison.sync.batchSize": "--batch-size 应在 1 到 1000 之间",
    "liaison.sync.progress": "已上报 {sent} 条，已接收 {received} 条（每秒 {rate} 条）",
    "liaison.sync.done": "同步完成：上报 {sent} 条，接收 {received} 条",
    "liaison.sync.doneRefused":
      "同步完成：上报 {sent} 条，接收 {received} 条；其中 {refused} 条被服务器拒收（是哪些、为什么，见 `liaison status --refused`）",
    "liaison.sync.doneUnreadable":
      "同步完成：上报 {sent} 条，接收 {received} 条；收到 {unreadable} 条本设备无法接收的修改（已留存，见 `liaison status --refused`）",
    "liaison.sync.doneBoth":
      "同步完成：上报 {sent} 条，接收 {received} 条；其中 {refused} 条被服务器拒收，另收到 {unreadable} 条本设备无法接收的修改（已留存）；详见 `liaison status --refused`",
    "liaison.upgrading": "正在为新版 liaison 升级 {path} 的台账（只需一次；共 {changes} 条修改）……",
    "liaison.upgraded": "升级完成。",

      // MARK: township

      // MARK: console
  ]
}
