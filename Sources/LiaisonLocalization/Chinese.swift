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
    "common.needVillage": "请至少用 --village 指定一个村",
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
    "common.filter.limit": "最多显示的件数；0 表示全部显示。",
    "common.filter.limitNegative": "--limit 不能小于 0",
    "common.pinFormText": "sha256: 后接 64 位十六进制数字",
    "common.choice": "{value}（{name}）",
    "common.listSeparator": "、",
    "common.seeHelp": "用法见 `{command} --help`。",
    "error.other": "未能完成：{message}",
    "error.store.notInitialized": "{path} 还没有台账，请先运行 `liaison init --name 姓名 --village 村名` 建立",
    "error.store.alreadyInitialized": "{path} 已经有台账了，原样保留，未作改动",
    "error.store.notAStore": "{path} 不是可用的台账（{reason}），原样保留，未作改动",
    "error.store.newerVersion": "{path} 的台账由较新版本的 liaison 写入，请先升级 liaison 再用",
    "error.store.unknownReport": "没有编号以“{prefix}”开头的事项；编号可用 `liaison list` 查看",
    "error.store.ambiguousReport": "有 {count} 件事项的编号以“{prefix}”开头（{ids}），请多输几位",
    "error.store.malformedReportID": "“{prefix}”不是事项编号；编号由小写十六进制字符组成，例如 3f2a9c1e",
    "error.store.villageNotEnrolled": "本设备不负责“{village}”，只能登记这些村的事项：{villages}",
    "error.store.reportDeleted": "事项 {id} 已删除，请先运行 `liaison restore {id}` 恢复",
    "error.store.cursorBeyondLog":
      "同步位置 {cursor} 超出了服务器日志的末尾（{end}），不是本服务器给出的（服务器是否用旧备份恢复过？）；请从头同步",
    "error.store.busy": "数据库正忙（{cause}），请稍后再试",
    "error.store.database": "数据库出错：{message}",
    "error.sync.unreachable": "连不上 {url} 的服务器（{reason}）；本机的修改都已保存，下次同步时再上报",
    "error.sync.revoked": "服务器拒绝了本设备：本设备的凭证已被注销（{message}）",
    "error.sync.refused": "服务器拒绝了请求（{status} {code}）：{message}",
    "error.sync.badAnswer": "无法识别服务器的答复：{detail}",
    "error.sync.cursorRefused": "服务器不认本设备的同步位置：{message}",
    "error.sync.notEnrolled": "本设备还没有在乡镇注册；请用 `township enroll` 给出的链接运行 `liaison enroll 链接`",
    "error.sync.pinMismatch":
      "{url} 的服务器出示的证书是 {presented}，不是本机信任的 {expected}：已拒绝连接，什么也没发送（如果乡镇换了证书，请用新链接重新注册）",
    "error.sync.serverUsesTLS":
      "{url} 的服务器使用加密连接（https）：请用带证书指纹的 https:// 链接注册；已注册的设备请用乡镇给的指纹运行 `liaison repin sha256:... --server https://...`",
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
    "error.admin.alreadyRevoked": "{name} 的设备 {device} 已经注销过了；注销时间见 `township devices`",
    "error.access.unauthenticated": "没有出示有效的凭证",
    "error.access.revoked": "本设备的凭证已被注销；请找乡镇办公室重新注册",
    "error.access.invalid_code": "注册码不对、已用过或已过期",
    "error.access.replica_taken": "本设备的编号在乡镇已被占用",
    "error.access.forbidden": "这项操作需要管理员凭证",
    "error.access.key_in_use": "这个签名密钥在乡镇已绑定到另一台设备；每台设备都有自己的密钥",
    "error.access.key_bound": "本设备在乡镇已绑定了另一个签名密钥；密钥只绑定一次，要更换请重新注册设备",
    "error.csv.unterminatedQuote": "CSV 第 {line} 行：引号内的字段从这里开始，却缺少结尾的引号",
    "error.csv.textAfterClosingQuote": "CSV 第 {line} 行：结尾引号后面还有文字；字段的引号必须把它整个括起来",
    "error.csv.invalidUTF8": "CSV 第 {line} 行：不是有效的 UTF-8；请把文件另存为 UTF-8 后再试",
    "error.invalid.bare.required": "{field}必须填写",
    "error.invalid.valued.required": "{field}“{value}”必须填写",
    "error.invalid.bare.not_allowed": "{field}不在可选范围内，请选其中之一：{allowed}",
    "error.invalid.valued.not_allowed": "{field}不能填“{value}”，请选其中之一：{allowed}",
    "error.invalid.bare.empty": "{field}是空的，请至少填写一个字（空格不算）",
    "error.invalid.valued.empty": "{field}“{value}”是空的，请至少填写一个字（空格不算）",
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
    "error.link.badCode": "注册码只能是字母和数字，照 `township enroll` 打印的原样输入",
    "error.link.noFragment": "链接里没有 #code=...：请完整复制 `township enroll` 打印的链接",
    "error.link.wrongPath": "注册链接的地址应以 /enrol#code=... 结尾",
    "error.link.noCode": "链接里没有注册码（code=）",
    "error.link.badPin": "链接里的指纹格式应为 {form}",
    "error.link.httpsNeedsPin": "https:// 服务器需要证书指纹（sha256:...）：请用注册链接，或给 --pin",
    "error.link.pinWithoutTLS": "指纹只用于 https:// 服务器；http:// 只用于以 --insecure-http 启动的服务器",
    "error.link.badScheme": "服务器地址必须以 https:// 开头（未启用 TLS 加密的服务器用 http://）",
    "error.link.noHost": "服务器地址里没有主机名：{server}",

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
    "liaison.note.added": "已给事项 {id} 添加一条办理记录",
    "liaison.delete.abstract": "删除事项。删除后仍留有底，可以恢复。",
    "liaison.delete.done": "已删除 {id}；用 `liaison restore {id}` 可以恢复",
    "liaison.restore.abstract": "恢复已删除的事项。",
    "liaison.restore.done": "已恢复 {id}",
    "liaison.option.village": "村名；须是本设备负责的村。",
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
    "liaison.option.link": "`township enroll` 给出的注册链接（请加引号，因为里面有 # 和 &）。",
    "liaison.option.server": "乡镇服务器的地址，例如 https://192.168.1.10:8080。",
    "liaison.option.code": "一次性注册码。",
    "liaison.option.pin": "服务器证书的指纹 sha256:...（http:// 服务器不用给）。",
    "liaison.option.batchSize": "每次请求传送的修改条数，1 到 1000。",
    "liaison.option.newPin": "乡镇新证书的指纹 sha256:...",
    "liaison.option.newServer": "服务器的新地址（如果变了）；默认用注册时的地址。",
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
    "liaison.new.hint": "（{choices}）",
    "liaison.new.ask": "{field}{hint}：",
    "liaison.new.askOptional": "{field}{hint}（直接回车跳过）：",
    "liaison.new.notGiven": "没有填写{field}",
    "liaison.init.abstract": "在本设备上建立台账。",
    "liaison.init.discussion": """
    每台设备只需运行一次，绝不会覆盖已有的台账。
      liaison init --name 李伟 --village 东村 --village 西村
    """,
    "liaison.init.created": "已在 {path} 为{name}建好台账",
    "liaison.init.villages": "负责的村：{villages}；设备编号：{device}",
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
    被服务器拒收的修改（例如修改了一件已转到本设备不负责的村的事项）留在本设备上，但到不了乡镇。
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
    "liaison.status.notEnrolled": "同步服务：尚未注册",
    "liaison.status.lastSync": "上次同步：{time}",
    "liaison.status.neverSynced": "上次同步：从未同步",
    "liaison.status.refused": "被拒修改：服务器拒收了 {count} 条（详见 liaison status --refused）",
    "liaison.status.unreadable": "无法接收：收到 {count} 条本设备无法接收的修改（详见 liaison status --refused）",
    "liaison.refused.none": "服务器已接收本设备的全部修改，没有被拒收的。",
    "liaison.refused.column.report": "事项",
    "liaison.refused.column.written": "填写时间",
    "liaison.refused.column.received": "接收时间",
    "liaison.refused.explanation": """
    这些修改仍留在本设备上，但没有报到乡镇。请逐条向管理员问明原因，
    再按服务器能接收的方式重新填写。
    """,
    "liaison.unreadable.heading": "从服务器收到、但本设备没有采用的修改：",
    "liaison.unreadable.explanation": """
    服务器发来了这些修改，但本设备无法识别（服务器的版本较新，或传输中受损），没有采用。
    用 `--format json` 可以看到每一条的全文。
    """,
    "liaison.export.abstract": "把全部事项导出为 CSV（可用电子表格打开）或 JSON。",
    "liaison.export.discussion": """
    CSV 为带字节序标记（BOM）的 UTF-8，电子表格打开时中文不会乱码，引号规则依照 RFC 4180；电子表格会当作公式执行的单元格前面加了 '。
    列名和类别、状态等取值保持英文原样，方便脚本读取。
      liaison export --format csv --output reports.csv
      liaison export --format json > reports.json
    """,
    "liaison.enroll.abstract": "用乡镇办公室给的注册链接，把本设备接入乡镇服务器。",
    "liaison.enroll.discussion": """
    乡镇办公室运行 `township enroll --name 姓名 --village 村名`，把链接交给您（当面、二维码，或可信的消息）。链接里有服务器地址、一次性注册码和服务器证书的指纹：
      liaison enroll 'https://192.168.1.10:8080/enrol#code=k7m2p9qrx4ab3cde&pin=sha256:3f...'
    也可以分开输入：
      liaison enroll --server https://192.168.1.10:8080 --code k7m2p9qrx4ab3cde --pin sha256:3f...
    设备会读取服务器证书，证书与指纹不符就拒绝连接（列出两个指纹，什么也不保存）；此后每次同步只认这一张证书。不带指纹的 http:// 地址只用于以 --insecure-http 启动的服务器。
    以后乡镇若更换证书，用 `liaison repin` 改为信任新证书即可，本设备无需重新注册。
    """,
    "liaison.enroll.linkOrParts": "请给注册链接，或者给 --server、--code 和 --pin，两者不能同时给",
    "liaison.enroll.needLink":
      "请给 `township enroll` 打印的注册链接，或者给 --server 地址 --code 注册码 --pin sha256:...",
    "liaison.enroll.done": "已注册为{name}的设备，负责{villages}；用 `liaison sync` 上报和接收事项",
    "liaison.enroll.replicaTaken":
      "服务器拒绝了注册：{message}；如果本设备已经注册过，只是乡镇换了证书，请运行 `liaison repin sha256:...`",
    "liaison.repin.abstract": "乡镇更换证书后，改为信任新证书。",
    "liaison.repin.discussion": """
    乡镇更换服务器证书后，每次同步都会拒绝连接，并列出原先信任的指纹和对方出示的指纹。这时办公室会通过可信的渠道（和注册链接一样）把新指纹交给您：
      liaison repin sha256:9c...
      liaison repin sha256:9c... --server https://192.168.1.20:8080   （服务器地址也变了）
    设备读取服务器证书，不是指定的那张就拒绝；再通过新证书确认服务器仍认得本设备的凭证，然后才改为信任新证书。事项、日志、编号和凭证都不变，也不会重复上报。
    """,
    "liaison.repin.pinForm": "指纹的格式应为 {form}",
    "liaison.repin.done": "现已信任 {url} 的证书 {pin}（原为 {old}）；`liaison sync` 会从上次停下的地方继续",
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
    "liaison.history.change": "{field}：{old} → {new}",

    // MARK: township
    "township.abstract": "运行乡镇的 Liaison 同步服务器，并进行管理。",
    "township.discussion": """
    用内置的 SQLite 台账以 HTTPS 启动服务器（首次运行时自动建立台账和自签名证书，设备会记下证书指纹，凭它核对服务器）：
      township serve
    也可以先建台账，让管理员令牌不出现在服务器日志里：
      township init --store /srv/township && township serve --store /srv/township

    台账放在 --store 指定的目录；没指定就用 $TOWNSHIP_HOME，再没有就用 ~/.township。

    管理员可在任何连得上服务器的电脑上通过 HTTPS 操作，核对的是 `township serve` 打印的证书指纹：
      township login --server https://127.0.0.1:8080 --pin sha256:... --token -
      township enroll --name 李伟 --village 东村    （给设备一个注册码和链接）
      township conflicts
      township conflict show 3f2a
      township resolve 3f2a --field title --pick 2 --reason "乙方核实"
      township devices
      township audit 3f2a
    审计人员核查修改在签名之后是否被篡改：
      township verify --store /srv/township
    乡镇改用 PostgreSQL（先停服务器；设备无需重新注册）：
      township migrate --from /srv/township --to postgres://township@db:5432/township
    令牌依次取自 --token、$TOWNSHIP_TOKEN、`township login` 保存在 $TOWNSHIP_HOME/admin.json 或 ~/.township/admin.json 里的令牌。

    --category、--status、--field 等的取值要照英文输入（例如 dispute 即纠纷），显示时会译成中文。
    """,
    "township.option.server": "乡镇服务器的地址。",
    "township.option.server.discussion": "默认用 `township login` 保存的地址，没有就用 {default}。",
    "township.option.token": "管理员令牌。",
    "township.option.token.discussion": "默认用 $TOWNSHIP_TOKEN，没有就用 `township login` 保存的令牌。",
    "township.option.pin": "服务器证书的指纹 sha256:...，即 `township serve` 打印的那个。",
    "township.option.pin.discussion":
      "默认用 $TOWNSHIP_PIN，没有就用 `township login` 为这台服务器记下的证书。http:// 服务器不用给。",
    "township.needToken":
      "请给 --token，或设置 TOWNSHIP_TOKEN，或运行 `township login --server 地址 --token 令牌`（第一个令牌由 `township init` 打印）",
    "township.needPin":
      "请给 --pin sha256:...（`township serve` 打印的证书指纹），或设置 TOWNSHIP_PIN，或运行 `township login --server {server} --pin ...`",
    "township.unreachable": "连不上 {url} 的乡镇服务器（{reason}）；请检查 --server",
    "township.pinMismatch": "{url} 的服务器出示的证书是 {presented}，不是已信任的 {expected}：已拒绝连接，什么也没发送",
    "township.notAdministrator": "这不是管理员的令牌；请用 `township init` 或 `township admin add` 打印的令牌",
    "township.tokenRefused": "服务器不认这个令牌（{message}）；请检查 --token、TOWNSHIP_TOKEN 或 `township login`",
    "township.refusal.other": "服务器拒绝了请求（{code}）：{message}",
    "township.refusal.unknown_report": "服务器上没有这个编号（或编号开头）的事项；事项清单见 `township reports`",
    "township.refusal.ambiguous_report": "服务器上有好几件事项的编号以此开头，请多输几位",
    "township.refusal.invalid_id": "这不是事项编号；编号由小写十六进制字符组成，例如 3f2a9c1e",
    "township.refusal.not_in_conflict": "这件事项（或这个栏目）没有冲突；有冲突的见 `township conflicts`",
    "township.refusal.no_such_value": "没有这个序号的值；序号见 `township conflict show`",
    "township.refusal.nothing_from_device": "这台设备没有写过这件事项的任何冲突值",
    "township.refusal.unknown_device": "没有这个编号、编号开头或名字的设备；设备清单见 `township devices`",
    "township.refusal.ambiguous_device": "有好几台设备相符，请多输几位编号",
    "township.refusal.name_taken": "已经有同名的管理员了；请换个名字，免得操作记录里分不清",
    "township.refusal.already_revoked": "这台设备已经注销过了；注销时间见 `township devices`",
    "township.refusal.deletion_undecided":
      "请先裁定这件事项删不删（--field deleted --pick 1 恢复，--pick 2 保持删除），或用 --all-from 整体采用某台设备的值",
    "township.refusal.busy": "服务器的数据库正忙，请稍后再试",
    "township.refusal.internal": "服务器处理这个请求时出错了，原因见服务器日志",
    "township.age.seconds": "{count}秒",
    "township.age.minutes": "{count}分钟",
    "township.age.hours": "{count}小时",
    "township.age.days": "{count}天",
    "township.column.time": "时间",
    "township.column.who": "操作人",
    "township.column.what": "操作内容",
    "township.column.reason": "理由",
    "township.column.fields": "冲突栏目",
    "township.column.devices": "设备",
    "township.column.age": "已等待",
    "township.column.device": "设备",
    "township.column.name": "联络员",
    "township.column.villages": "负责村",
    "township.column.lastSeen": "最近联系",
    "township.column.pending": "待接收",
    "township.column.key": "密钥",
    "township.column.revoked": "注销日期",
    "township.column.value": "值",
    "township.column.author": "填写人",
    "township.column.field": "栏目",
    "township.audit.abstract": "查看谁在何时做了什么：管理员的操作，以及一件事项的修改记录。",
    "township.audit.discussion": """
    不给编号：列出管理员的全部操作（注册设备、注销设备、裁定冲突及理由、新增管理员）。给了事项编号：列出这件事项的全部记录，包括服务器收到的每一次修改和每一次裁定，从最早的开始。
      township audit
      township audit 3f2a
      township audit 3f2a --format json
    """,
    "township.audit.empty": "还没有任何记录。",
    "township.audit.entry": "{action} {subject}",
    "township.audit.entryDetail": "{action} {subject}：{detail}",
    "township.audit.set": "{field}改为 {value}",
    "township.audit.created": "登记“{title}”",
    "township.audit.note": "记录：{note}",
    "township.audit.deleted": "删除",
    "township.audit.restored": "恢复",
    "township.audit.unsigned": "（未签名）",
    "township.audit.separator": "；",
    "township.action.add_administrator": "新增管理员",
    "township.action.bind_device_key": "绑定设备密钥",
    "township.action.enrol_device": "注册设备",
    "township.action.export_reports": "导出事项",
    "township.action.issue_enrolment_code": "发放注册码",
    "township.action.refused_change": "拒收修改",
    "township.action.resolve_conflict": "裁定冲突",
    "township.action.revoke_device": "注销设备",
    "township.conflicts.abstract": "列出有冲突的事项：哪些栏目冲突、涉及哪几台设备、从何时开始。",
    "township.conflicts.discussion": """
    每一行是一件被两台以上设备在离线时各自改过的事项；“已等待”是其中最早的冲突等待裁定的时长。用 `township conflict show 编号` 查看某一件。
      township conflicts
      township conflicts --village 东村 --category dispute
      township conflicts --format json
    """,
    "township.conflicts.none": "暂无冲突事项。",
    "township.conflict.abstract": "裁定之前，查看一件事项的冲突。",
    "township.conflict.discussion": "  township conflict show 3f2a",
    "township.conflictShow.abstract": "把冲突的各个值并排列出，并编好序号供 `township resolve` 选用。",
    "township.conflictShow.discussion": """
    每个值都连同写入它的设备、填写人和时间一起列出；标 * 的是您裁定之前各设备暂时显示的值。后面列出没有冲突、已顺利合并的栏目。打印出的版本号会被记住（在 $TOWNSHIP_HOME，没有就在 ~/.township）：`township resolve` 会带上它，如果事项在此之后又有变动，服务器就不接受这次裁定。
      township conflict show 3f2a
      township resolve 3f2a --field title --pick 2 --reason "乙方核实"
    """,
    "township.unreadableReport": "本版本无法识别服务器发来的事项：{reason}",
    "township.noReports": "服务器的答复里没有事项",
    "township.conflict.device": "设备 {device}",
    "township.conflict.keepDeleted": "保持删除",
    "township.conflict.restore": "恢复，并保留各处修改",
    "township.conflict.heading": "事项 {id}  {title}",
    "township.conflict.place": "{village}，{category}",
    "township.conflict.placeDeleted": "{village}，{category}，已删除",
    "township.conflict.version": "版本 {version}（已记下，供 `township resolve` 使用）",
    "township.conflict.none": "没有冲突：各设备对这件事项的记录一致。",
    "township.conflict.deletedField": "删除与否（有人删除时，另有人作了修改）",
    "township.conflict.inFull": "完整内容：",
    "township.conflict.merged": "已顺利合并的栏目",
    "township.conflict.howToResolve": "标 * 的是您裁定之前各设备显示的值。裁定方法：",
    "township.conflict.commands": """
      township resolve {id} --field {field} --pick 序号 [--reason 理由]
      township resolve {id} --field {field} --value 新值
      township resolve {id} --all-from 设备
    """,
    "township.conflict.commandsDeleted": """
      township resolve {id} --field {field} --pick 序号 [--reason 理由]
      （删除与否：--pick 1 恢复事项，--pick 2 保持删除）
      township resolve {id} --all-from 设备
    """,
    "township.devices.abstract": "列出已注册的设备：负责的村、最近联系时间、待接收的修改、是否注销。",
    "township.devices.discussion": """
    “设备”一栏是设备编号的前 8 位，与 `township conflict show`、`township audit` 和 `--all-from` 用的编号相同，也是 `township revoke` 要的编号。“待接收”是该设备负责的村里它还没收到的修改条数，设备下次同步后归 0。
      township devices
      township devices --format json
    """,
    "township.devices.none": "还没有注册任何设备；请先运行 `township enroll --name 姓名 --village 村名` 发放注册码。",
    "township.devices.never": "从未联系",
    "township.revoke.abstract": "注销一台设备：从它下一次请求起，服务器就不再受理。",
    "township.revoke.discussion": """
    设备可以是 `township devices` 显示的编号（设备编号的前 8 位）、设备编号不重复的开头几位，或联络员的姓名。理由会记入操作记录。
      township revoke 9c1e --reason "设备丢失"
      township revoke 李伟 --reason "调离本乡"
    """,
    "township.option.device": "设备（设备编号不重复的开头几位），或联络员的姓名。",
    "township.option.reason": "理由，记入操作记录（一行，最多 1000 字）。",
    "township.revoke.done": "已注销{name}的设备 {device}。",
    "township.enroll.abstract": "为联络员的设备发放一次性注册码和注册链接，并指定它负责的村。",
    "township.enroll.discussion": """
    第一行打印注册码，第二行打印注册链接：
      https://HOST:PORT/enrol#code=CODE&pin=sha256:...
    链接里有服务器地址、注册码和服务器证书的指纹；联络员在设备上运行 `liaison enroll 链接`，此后设备只认这一张证书。请通过可信的渠道交付链接（当面、二维码、确知发送人的消息）：谁拿到链接，谁就能在过期前注册一次。
      township enroll --name 李伟 --village 东村 --village 西村
      township enroll --name 李伟 --village 东村 --format link
      township enroll --name 李伟 --village 东村 --format json
      township enroll --name 李伟 --village 东村 \\
        --link-server https://192.168.1.10:8080
    `--format link` 只打印链接，供脚本使用；`--format json` 打印注册码、链接、姓名、负责的村和过期时间。设备访问服务器的地址与您不同时（您在本机，设备走局域网），用 --link-server 指定设备用的地址。
    """,
    "township.option.liaisonName": "联络员的姓名。",
    "township.option.village": "设备可以查看和登记的村；多个村就重复给几次。",
    "township.option.hours": "注册码的有效时长，以小时计（最多 720）。",
    "township.option.enrolmentFormat": "table（先注册码，后链接）、link（只给链接）或 json（注册码、链接、姓名、负责的村、过期时间）。",
    "township.option.linkServer": "设备访问服务器用的地址，写进链接。",
    "township.option.linkServer.discussion": "默认用本命令访问服务器的地址（--server）。",
    "township.enroll.hours": "--hours 应在 1 到 720 之间",
    "township.enroll.badLink": "无法生成注册链接：{reason}",
    "township.enroll.issued": "已为{name}（{villages}）发放一次性注册码，有效期至 {expires}",
    "township.init.abstract": "建立服务器的台账和 TLS 证书，并打印第一个管理员令牌（只显示一次）。",
    "township.init.discussion": """
      township init --store /srv/township --name 王主任 --hostname township.local \\
        --hostname 192.168.1.10
      township init --store /srv/township --tls-cert chain.pem --tls-key key.pem
    它生成一个 P-256 密钥和一张自签名证书（放在台账目录的 tls-key.pem 和 tls-certificate.pem，只有您能读），并打印证书指纹 sha256:...；每个注册链接都带着这个指纹，供设备核对。用 --tls-cert 时，证书链必须以自签名的根证书结尾，设备核对的就是这张根证书。
    然后运行 `township serve --store /srv/township`，再在管理员的电脑上运行 `township login --server https://HOST:8080 --pin sha256:... --token 令牌`。
    用 --database postgres://USER@HOST:PORT/DB（或 $TOWNSHIP_DATABASE）时，乡镇的数据存进该 PostgreSQL 数据库，台账目录只保存密钥文件。
    """,
    "township.option.firstAdministrator": "第一位管理员的姓名，记入操作记录。",
    "township.login.abstract": "记下服务器地址和管理员令牌，供其他命令使用。",
    "township.login.discussion": """
    读取服务器证书，确认它就是 --pin 指定的那张（`township init` 和 `township serve` 打印的指纹），再通过只信任该证书的连接核对令牌，然后把服务器地址、证书和令牌保存到 $TOWNSHIP_HOME/admin.json（没有就是 ~/.township/admin.json），只有您能读。此后的命令都只认这一张证书。--token 和 $TOWNSHIP_TOKEN 仍优先于保存的令牌。用 `--token -` 时从标准输入读取令牌，令牌就不会留在命令历史和进程列表里。
      township login --server https://township.local:8080 --pin sha256:3f... --token lsn_...
      township login --server https://township.local:8080 --pin sha256:3f... --token - < token.txt
    以 --insecure-http 启动的服务器用 http:// 地址，不用指纹。
    """,
    "township.option.loginServer": "乡镇服务器的地址。",
    "township.option.loginPin": "服务器证书的指纹 sha256:...；默认用 $TOWNSHIP_PIN。",
    "township.option.loginToken":
      "管理员令牌，即 `township init` 或 `township admin add` 打印的令牌；给 - 则从标准输入读取。",
    "township.login.noToken": "标准输入里没有令牌",
    "township.login.done": "已登录 {server}，登录信息保存在 {file}。",
    "township.admin.abstract": "维护管理员凭证。",
    "township.admin.discussion": "  township admin add 王主任      （新令牌只打印一次）",
    "township.adminAdd.abstract": "再新增一位管理员，并打印其令牌（只显示一次）。",
    "township.adminAdd.discussion": """
    新管理员的每一项操作都连同姓名记入操作记录。
      township admin add 王主任 --reason "乡长任命"
    """,
    "township.option.newAdministrator": "新管理员的姓名。",
    "township.adminAdd.token": "{name}的管理员令牌（只显示这一次，请妥善保管）",
    "township.reports.abstract": "列出全乡镇的事项，最新的在前；筛选条件与 `liaison list` 相同。",
    "township.reports.discussion": """
    编号前有 ! 的事项有冲突。
      township reports --village 东村 --status open
      township reports --conflicted --format json
    """,
    "township.export.abstract": "把全乡镇的事项导出为 CSV（可用电子表格打开）或 JSON。",
    "township.export.discussion": """
    列和格式与 `liaison export` 相同，包含所有村。列名和类别、状态等取值保持英文原样，方便脚本读取。
      township export --format csv --output township.csv
      township export --format json > township.json
    """,
    "township.resolve.abstract": "裁定冲突：裁定结果像普通修改一样同步到每台设备。",
    "township.resolve.discussion": """
    请先运行 `township conflict show 编号`：裁定时会带上当时看到的版本，如果事项在此之后又有变动，服务器就不接受（请重新查看后再裁定）。脚本可以改用 --expect 版本号。裁定结果、您的姓名和理由都记入操作记录。
      township resolve 3f2a --field title --pick 2 --reason "乙方核实"
      township resolve 3f2a --field urgency --value high
      township resolve 3f2a --field location --value 东村渠首 --coordinates 31.2304,121.4737
      township resolve 3f2a --field deleted --pick 2    （2 保持删除，1 恢复）
      township resolve 3f2a --all-from 李伟 --reason "李伟在现场"
    """,
    "township.option.field": "要裁定的栏目，按 `township conflict show` 里的英文栏目名给出（如 title、status）。",
    "township.option.pick": "采用 `township conflict show` 中序号为 N 的值。",
    "township.option.value": "改为直接给定这个值（删除与否：yes 或 no）。",
    "township.option.coordinates": "与 --field location 同用：坐标“纬度,经度”（十进制度数），例如 31.2304,121.4737。",
    "township.option.coordinates.discussion": "地点的文字描述取自 --value；不给则地点没有文字描述。",
    "township.option.allFrom": "采用这台设备写的所有冲突值。",
    "township.option.allFrom.discussion":
      "可以是联络员的姓名，或 `township conflict show` 在姓名旁打印的设备编号开头，或设备编号（及其开头几位）。",
    "township.option.expect": "您据以裁定的版本号，供脚本使用；默认用最近一次查看时的版本。",
    "township.resolve.allFromAlone": "--all-from 不能与 --field、--pick、--value 或 --coordinates 同用",
    "township.resolve.needField": "请用 --field 栏目 配合 --pick 序号 或 --value 新值，或者用 --all-from 设备",
    "township.resolve.coordinatesLocation": "--coordinates 只能与 --field location 同用",
    "township.resolve.pickOrCoordinates": "--pick 和 --coordinates 只能给一个",
    "township.resolve.pickOrValue": "用 --field 时，--pick 序号 和 --value 新值 必须给且只给一个",
    "township.resolve.stale": "您查看之后事项又有了变动；请重新运行 `township conflict show {id}`",
    "township.resolve.done": "已裁定事项 {id} 的{fields}；各设备下次同步时会收到裁定结果。",
    "township.resolve.remaining": "仍有冲突：{fields}。",
    "township.resolve.ambiguous": "您查看过的事项中有 {count} 件编号以“{prefix}”开头，请多输几位",
    "township.resolve.lookFirst":
      "请先查看冲突：运行 `township conflict show {id}`，然后再裁定（脚本可以用 --expect 版本号）",
    "township.migrate.abstract": "把乡镇的 SQLite 台账复制到一个空的 PostgreSQL 数据库，并核对。",
    "township.migrate.discussion": """
    原样复制乡镇的全部数据：每件事项的状态、按原序号排列的修改日志、服务器自身的编号和计数、设备及其密钥和同步位置、凭证和注册码（存的是摘要），以及操作记录和服务器拒收的修改。设备继续用原有令牌同步，不用重新注册，也不会重复收到任何东西。

    复制完后，它把副本读回来与原台账逐一核对，然后才报告完成：每张表的每一行逐列比较，日志内容逐字节比较，每件事项的规范状态和各项计数都要一致。整个复制是一个事务：任何一步失败，数据库里什么也不留。

    数据库必须是空的（用 `createdb` 建立）；已有任何表的数据库会被拒绝，并原样保留。原台账只读不写（旧版本写的台账会先升级，和 `township serve` 一样），TLS 和签名密钥文件仍留在台账目录里，服务器从那里启动。

    请先停服务器并备份台账目录，然后：
      township migrate --from /srv/township --to postgres://township@db/township
      township serve --store /srv/township --database postgres://township@db/township
    复制时间较长时，每 10000 行在标准错误上报告一次进度。
    """,
    "township.option.from": "乡镇 SQLite 台账所在目录。",
    "township.option.to": "空的 PostgreSQL 数据库，postgres://USER@HOST:PORT/DB。",
    "township.option.summaryFormat": "table（摘要）或 json。",
    "township.migrate.noStore": "{path} 没有乡镇台账",
    "township.migrate.upgrading": "township migrate：{upgrade}",
    "township.migrate.progress.copying": "正在复制 {table}：{rows} / {total} 行",
    "township.migrate.progress.verifying": "正在核对 {table}：{rows} / {total} 行",
    "township.migrate.failed": """
    township migrate：{reason}
    数据库里什么也没有写入。
    """,
    "township.migrate.rows.report": "事项 {count} 件",
    "township.migrate.rows.change": "修改 {count} 条",
    "township.migrate.rows.device": "设备 {count} 台",
    "township.migrate.rows.credential": "凭证 {count} 个",
    "township.migrate.rows.enrollment": "注册码 {count} 个",
    "township.migrate.rows.audit": "操作记录 {count} 条",
    "township.migrate.done": """
    已把乡镇 {replica} 从 {from} 复制到 {to}：{counts}；日志截至序号 {sequence}。
    核对无误：每张表的每一行、每条修改的字节和每件事项的规范状态都与原台账一致。
    密钥文件留在原处，用它启动服务器：
      township serve --store {from} --database {to}
    """,
    "township.option.database": "乡镇的 PostgreSQL 数据库，postgres://USER@HOST:PORT/DB。",
    "township.option.database.discussion":
      "默认用 $TOWNSHIP_DATABASE；两者都没有时，用台账目录里内置的 SQLite 台账。无论哪种，TLS 和签名密钥文件都在台账目录里。",
    "township.option.databasePoolSize": "每个服务器进程与 PostgreSQL 保持的最多连接数。",
    "township.cannotCreate": "无法建立 {path}：{reason}",
    "township.created.database": "{database} 中的乡镇数据（密钥文件在 {directory}）",
    "township.created.store": "{directory} 的乡镇台账",
    "township.created": """
    已建立{what}。
    {administrator}的管理员令牌（只显示这一次，请妥善保管）：
      {token}

    """,
    "township.option.store": "服务器台账所在目录。",
    "township.option.store.discussion": "默认用 $TOWNSHIP_HOME，没有就用 ~/.township。",
    "township.tls.unreadable": "{path}：{reason}",
    "township.tls.half": "{path} 里 {key} 和 {certificate} 只有一个；请把缺的恢复，或把两个都删掉以生成新证书（之后设备须重新注册）",
    "township.tls.announce": """
    TLS 证书在 {path}；设备核对的指纹是：
      {pin}

    """,
    "township.option.hostname": "新自签名证书上的主机名或地址；多个就重复给几次。",
    "township.option.hostname.discussion":
      "默认用本机主机名、localhost 和 127.0.0.1。设备核对的是指纹而不是名字，所以少个名字不影响设备连接。",
    "township.option.tlsCert": "改用您自己的证书链（PEM 格式），而不是新生成的自签名证书。",
    "township.option.tlsCert.discussion": "从终端证书开始，一直到自签名的根证书为止；设备核对的是根证书。",
    "township.option.tlsKey": "--tls-cert 第一张证书的私钥（PEM 格式）。",
    "township.tls.together": "--tls-cert 和 --tls-key 必须一起给",
    "township.tls.hostnameOrCert": "--hostname 用于新生成的证书；--tls-cert 的证书自带名字，两者不能同用",
    "township.tls.cannotRead": "无法读取 {option} {path}",
    "township.tls.mismatch": "--tls-cert {certificate} 与 --tls-key {key}：{reason}",
    "township.verify.abstract": "核查每条修改的签名，以及每件事项的状态是否与其修改相符。",
    "township.verify.discussion": """
    逐条检查台账目录里的整个修改日志：每条修改的签名必须与填写人的密钥相符（启用签名之前写的修改算作未签名，予以放行），每件事项保存的状态必须等于其日志中各条修改的合并结果。全部相符时退出码为 0，有不符的为 1，台账无法读取的为 2。它读取的是快照，服务器可以照常运行。
      township verify --store /srv/township
      township verify --format json > verify.json
    """,
    "township.option.verifyFormat": "table（摘要和每一处不符）或 json。",
    "township.verify.progress": "已核查 {changes} / {total} 条修改",
    "township.verify.unreadable": "township verify：{reason}",
    "township.verify.summary":
      "{path}：{reports} 件事项共 {changes} 条修改，已签名 {signed} 条，未签名 {unsigned} 条（写于启用签名之前）",
    "township.verify.badChange": "不符  修改 #{sequence} {dot}（事项 {report}）：{code}：{message}",
    "township.verify.badReport": "不符  事项 {report}：保存的状态与日志中各条修改的合并结果不一致",
    "township.verify.holds": "通过：每个签名都相符，每件事项都等于其修改的合并结果",
    "township.verify.failed": "未通过：{changes} 条修改、{reports} 件事项不符",
    "township.serve.abstract": "以 HTTPS 提供同步服务和网页控制台，直到收到 SIGINT 或 SIGTERM。",
    "township.serve.discussion": """
    首次运行、还没有台账时，会连同 TLS 证书一起建立台账，并打印管理员令牌。没有证书的旧台账（启用 TLS 之前建的）会补上一张。启动时打印的一行（供脚本等待，保持英文）写明地址和证书指纹：
      township serving /srv/township on https://0.0.0.0:8080 (certificate sha256:...)
    乡镇办公室的网页控制台在同一地址、同一证书的 / 下（见 docs/console.md）：在浏览器打开 https://HOST:PORT/，用管理员令牌登录。
    日志写到标准错误，每个请求一行，带请求编号；日志保持英文。
      township serve --store /srv/township --host 0.0.0.0 --port 8080
      township serve --insecure-http          （明文 HTTP，只限本机：仅供试用）
    用 --database postgres://USER@HOST:PORT/DB（或 $TOWNSHIP_DATABASE）时数据在 PostgreSQL 上：可以由多个进程共同服务一个乡镇，每个进程给同一个数据库和同一个台账目录的副本（其中的 TLS 和签名密钥文件）。
    """,
    "township.option.host": "监听的地址。",
    "township.option.port": "监听的端口；0 表示自动选一个空闲端口。",
    "township.option.logLevel": "日志详细程度：trace、debug、info、notice、warning、error 或 critical。",
    "township.option.insecureHttp": "不用 TLS，以明文 HTTP 提供服务：令牌和群众的信息会以明文在网络上传输。",
    "township.option.insecureHttp.discussion": "只能监听本机地址，除非同时给了 --allow-remote-insecure-http。",
    "township.option.allowRemoteInsecureHttp": "允许 --insecure-http 监听其他机器能访问的地址。实际使用中切勿开启。",
    "township.serve.tlsGroup": "新台账的证书",
    "township.serve.allowRemoteAlone": "--allow-remote-insecure-http 只能与 --insecure-http 同用",
    "township.serve.insecureRemote":
      "--insecure-http 会明文传输令牌和群众的信息，所以只能用本机地址（127.0.0.1、::1、localhost）；--host {host} 还须加 --allow-remote-insecure-http",
    "township.serve.hasCertificate": "{path} 已经有 TLS 证书了；要更换，请看 README 的“TLS and pinning”一节",
    "township.serve.insecureWarning": """
    警告：正以明文 HTTP 提供服务（--insecure-http）：令牌和群众的信息以明文在网络上传输，设备也无法分辨这台服务器的真假。

    """,

    // MARK: console
    "console.app": "乡镇联络台账",
    "console.skip": "跳到正文",
    "console.nav.label": "导航",
    "console.nav.dashboard": "总览",
    "console.nav.reports": "事项台账",
    "console.nav.conflicts": "待裁定",
    "console.nav.devices": "设备",
    "console.nav.audit": "操作记录",
    "console.sign_out": "退出登录",
    "console.sign_in.title": "登录",
    "console.sign_in.token": "管理员令牌",
    "console.sign_in.hint": "运行 township init 时打印的令牌，或 township admin add 为您生成的令牌。",
    "console.sign_in.submit": "登录",
    "console.sign_in.refused": "令牌无效：不存在或已被注销。",
    "console.sign_in.device": "这是设备的令牌：只有管理员令牌才能登录控制台。",
    "console.error.title": "出错了",
    "console.error.csrf": "表单已失效，或不是从本控制台提交的。请重新打开页面后再试。",
    "console.error.form": "表单内容过长。",
    "console.error.no_report": "找不到这件事项。",
    "console.error.no_device": "找不到这台设备。",
    "console.error.store": "台账暂时无法读写：{message}",
    "console.back_dashboard": "返回总览",
    "console.dashboard.title": "总览",
    "console.dashboard.weekly": "近12周每周新增与化解事项",
    "console.dashboard.open": "各村各类待办事项",
    "console.dashboard.overdue": "已超期（{count}）",
    "console.dashboard.urgent": "紧急待办（{count}）",
    "console.dashboard.awaiting": "待裁定的冲突（{count}）",
    "console.dashboard.none_open": "没有待办事项。",
    "console.dashboard.none_overdue": "没有超期事项。",
    "console.dashboard.none_urgent": "没有紧急待办事项。",
    "console.dashboard.none_awaiting": "没有待裁定的冲突。",
    "console.legend.new": "新增",
    "console.legend.resolved": "化解",
    "console.chart.weekly_summary": "近{weeks}周：新增{new}件，化解{resolved}件。",
    "console.chart.open_summary": "{villages}个村共{count}件待办。",
    "console.chart.open_more": "图中只列出待办最多的{shown}个村（共{villages}个村）。",
    "console.col.title": "标题",
    "console.col.village": "村",
    "console.col.category": "类别",
    "console.col.urgency": "紧急程度",
    "console.col.status": "状态",
    "console.col.assignee": "包案人",
    "console.col.due": "办结期限",
    "console.col.created": "登记时间",
    "console.col.updated": "最近修改",
    "console.col.decide": "裁定",
    "console.decide": "去裁定",
    "console.tag.conflict": "有冲突",
    "console.any": "全部",
    "console.yes": "是",
    "console.no": "否",
    "console.list_separator": "、",
    "console.pages": "分页",
    "console.page_prev": "上一页",
    "console.page_next": "下一页",
    "console.csv": "导出这些事项（CSV 表格，可用电子表格软件打开）",
    "console.col.action": "操作",
    "console.col.administrator": "管理员",
    "console.col.author": "填写人",
    "console.col.change": "原值 → 新值",
    "console.col.detail": "详情",
    "console.col.device": "设备",
    "console.col.devices": "设备",
    "console.col.field": "栏目",
    "console.col.fields": "冲突栏目",
    "console.col.key": "签名密钥",
    "console.col.last_seen": "最近联系",
    "console.col.name": "联络员",
    "console.col.pending": "待接收的修改",
    "console.col.reason": "理由",
    "console.col.revoke": "注销",
    "console.col.since": "冲突发生时间",
    "console.col.state": "状态",
    "console.col.subject": "操作对象",
    "console.col.time": "时间",
    "console.col.value": "内容",
    "console.col.villages": "负责的村",
    "console.col.who": "填写人",
    "console.reports.title": "事项台账",
    "console.reports.none": "没有符合条件的事项。",
    "console.reports.count.one": "共1件",
    "console.reports.count.other": "共{count}件",
    "console.reports.page_of": "第{page}页，共{pages}页",
    "console.filter.apply": "筛选",
    "console.filter.conflicted": "只看有冲突的",
    "console.filter.search": "搜索标题和详情",
    "console.filter.sort": "排序",
    "console.sort.date": "按时间，最新在前",
    "console.sort.urgency": "按紧急程度，最急在前",
    "console.error.filter": "筛选条件{name}不能是“{value}”。",
    "console.report.id": "事项编号",
    "console.report.deleted": "已删除",
    "console.report.decide": "此事项有冲突：去裁定",
    "console.report.fields": "各项内容",
    "console.report.notes": "办理记录",
    "console.report.no_notes": "暂无办理记录。",
    "console.report.history": "修改记录",
    "console.report.audit": "操作记录",
    "console.audit.none": "没有操作记录。",
    "console.audit.title": "操作记录",
    "console.audit.report": "事项或设备编号",
    "console.history.note": "办理记录",
    "console.choice.deleted": "删除",
    "console.choice.restored": "恢复，并保留期间的修改",
    "console.device_unknown": "设备 {replica}",
    "console.conflicts.title": "待裁定的冲突",
    "console.conflicts.count.one": "有1件事项存在冲突。",
    "console.conflicts.count.other": "有{count}件事项存在冲突。",
    "console.conflict.title": "裁定：{title}",
    "console.conflict.report_link": "查看完整事项",
    "console.conflict.none": "没有冲突：各设备对此事项的记录一致。",
    "console.conflict.deletion": "一方删除、一方修改",
    "console.conflict.provisional": "裁定前各处暂时显示此值。",
    "console.conflict.custom": "改为其他内容：",
    "console.conflict.value": "内容",
    "console.conflict.reason": "理由（必填，记入操作记录）",
    "console.conflict.submit": "确认裁定",
    "console.conflict.merged": "已顺利合并的栏目",
    "console.decision.done": "{field}已裁定；各设备下次同步时会收到裁定结果。",
    "console.decision.no_reason": "请填写理由：理由与裁定一并记入操作记录。",
    "console.decision.no_field": "表单没有指明是哪个栏目的冲突。",
    "console.decision.no_choice": "请选择其中一个值，或填写其他内容。",
    "console.decision.refused": "未能办理：{message}",
    "console.decision.stale": "另一位管理员已先裁定了这件事项，您的裁定未生效，也没有覆盖任何内容。以下是这件事项的最新情况。",
    "console.devices.title": "设备",
    "console.devices.none": "还没有注册任何设备。",
    "console.devices.active": "在用",
    "console.devices.never": "从未同步",
    "console.devices.revoked_at": "已于{time}注销",
    "console.devices.reason": "理由",
    "console.devices.revoke": "注销",
    "console.devices.enrol": "注册新设备",
    "console.devices.enrol_submit": "生成注册链接",
    "console.devices.name": "联络员姓名",
    "console.devices.villages": "负责的村（多个村用逗号分隔）",
    "console.devices.server": "设备连接服务器用的地址（选填）",
    "console.devices.server_hint": "不填则使用本页面的地址。",
    "console.enrol.missing": "请填写联络员姓名和至少一个村。",
    "console.enrol.invalid": "未能办理：{message}",
    "console.revoke.no_reason": "注销设备须填写理由：理由记入操作记录。",
    "console.enrolled.title": "设备注册链接",
    "console.enrolled.sentence": "{name}（{villages}）的一次性注册链接，有效期至{time}：",
    "console.enrolled.hint":
      "请通过可信的渠道交给联络员（当面、二维码或确知发送人的消息）：谁拿到链接，谁就能注册一次。联络员在设备上运行“liaison enroll 链接”即可。",
    "console.enrolled.back": "返回设备列表",
    "township.summary.abstract": "查看全乡镇的事项概况，内容与网页控制台的总览相同。",
    "township.summary.discussion": """
    近12周每周新增与化解的事项、各村各类待办事项、已超期的事项（过了办结期限、既未化解也未办结）、紧急待办事项，以及等待裁定的冲突。每个清单列出前50件。
      township summary
      township summary --format json
    """,
    "township.summary.weeks": "近12周每周新增与化解事项",
    "township.summary.week": "周起始日",
    "township.summary.new": "新增",
    "township.summary.resolved": "化解",
    "township.summary.open": "各村各类待办事项",
    "township.summary.village": "村",
    "township.summary.category": "类别",
    "township.summary.count": "待办件数",
    "township.summary.overdue": "已超期（{count}）",
    "township.summary.urgent": "紧急待办（{count}）",
    "township.summary.awaiting": "待裁定的冲突（{count}）",
    "township.summary.none": "无。",
    "township.summary.id": "编号",
    "township.summary.due": "办结期限",
    "township.summary.title": "标题",
    "township.summary.more": "仅列出前{shown}件（共{count}件），完整清单请到网页控制台查看。",
  ]
}
