/// The console's mustache templates, compiled into the binary so an installed `township`
/// needs no file beside it. `{{t.NAME}}` is the catalogue's `console.NAME` sentence.
enum ConsoleTemplates {
  static var all: [(String, String)] {
    [
      ("layout", layout), ("sign-in", signIn), ("problem", problem),
      ("dashboard", dashboard), ("report-rows", reportRows), ("reports", reports),
      ("report-head", reportHead), ("audit-table", auditTable),
      ("report", report), ("conflicts", conflicts), ("decision", decision),
      ("devices", devices), ("enrolled", enrolled), ("audit", audit),
    ]
  }

  static let layout = """
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · {{t.app}}</title>
    <link rel="stylesheet" href="/assets/console.css">
    <link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
    </head>
    <body>
    <a class="skip" href="#main">{{t.skip}}</a>
    <header>
    <p class="brand">{{t.app}}</p>
    {{#session}}
    <nav aria-label="{{t.nav_label}}">
    <ul>
    <li><a id="nav-dashboard" href="/"{{#nav.dashboard}} aria-current="page"{{/nav.dashboard}}>{{t.nav_dashboard}}</a></li>
    <li><a id="nav-reports" href="/reports"{{#nav.reports}} aria-current="page"{{/nav.reports}}>{{t.nav_reports}}</a></li>
    <li><a id="nav-conflicts" href="/conflicts"{{#nav.conflicts}} aria-current="page"{{/nav.conflicts}}>{{t.nav_conflicts}}</a></li>
    <li><a id="nav-devices" href="/devices"{{#nav.devices}} aria-current="page"{{/nav.devices}}>{{t.nav_devices}}</a></li>
    <li><a id="nav-audit" href="/audit"{{#nav.audit}} aria-current="page"{{/nav.audit}}>{{t.nav_audit}}</a></li>
    </ul>
    </nav>
    <form id="sign-out" method="post" action="/sign-out">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <span class="who">{{administrator}}</span>
    <button type="submit">{{t.sign_out}}</button>
    </form>
    {{/session}}
    <p class="language"><a href="/language?to=zh-Hans&amp;back={{back}}" hreflang="zh-Hans" lang="zh-Hans">中文</a>
    <a href="/language?to=en&amp;back={{back}}" hreflang="en" lang="en">English</a></p>
    </header>
    <main id="main">
    {{{content}}}
    </main>
    </body>
    </html>

    """

  static let signIn = """
    <h1>{{t.sign_in_title}}</h1>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    <form id="sign-in" method="post" action="/sign-in">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label for="token">{{t.sign_in_token}}</label>
    <input name="token" id="token" type="password" autocomplete="current-password" required autofocus></p>
    <p class="hint">{{t.sign_in_hint}}</p>
    <p><button type="submit">{{t.sign_in_submit}}</button></p>
    </form>

    """

  static let problem = """
    <h1>{{heading}}</h1>
    <p class="error" role="alert">{{message}}</p>
    <p><a href="/">{{t.back_dashboard}}</a></p>

    """

  /// Rows of a report table, shared by the dashboard and the report list.
  static let reportRows = """
    {{#rows}}
    <tr data-report-id="{{id}}">
    <td><a class="report-link" href="/reports/{{id}}">{{title}}</a>{{#conflicted}} <span class="tag conflict">{{t.tag_conflict}}</span>{{/conflicted}}</td>
    <td>{{village}}</td><td>{{category}}</td><td class="u-{{urgencyCode}}">{{urgency}}</td><td>{{status}}</td><td>{{assignee}}</td><td>{{due}}</td><td>{{created}}</td>
    </tr>
    {{/rows}}

    """

  static let reportHead = """
    <thead><tr><th scope="col">{{t.col_title}}</th><th scope="col">{{t.col_village}}</th><th scope="col">{{t.col_category}}</th><th scope="col">{{t.col_urgency}}</th><th scope="col">{{t.col_status}}</th><th scope="col">{{t.col_assignee}}</th><th scope="col">{{t.col_due}}</th><th scope="col">{{t.col_created}}</th></tr></thead>
    """
}
