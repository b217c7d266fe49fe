extension ConsoleTemplates {
  static let conflicts = """
    <h1>{{t.conflicts_title}}</h1>
    <p>{{count}}</p>
    <div class="scroll"><table id="conflicts">
    <thead><tr><th scope="col">{{t.col_title}}</th><th scope="col">{{t.col_village}}</th><th scope="col">{{t.col_category}}</th><th scope="col">{{t.col_fields}}</th><th scope="col">{{t.col_devices}}</th><th scope="col">{{t.col_since}}</th></tr></thead>
    <tbody>{{#rows}}<tr data-report-id="{{id}}"><td><a href="/conflicts/{{id}}">{{title}}</a></td><td>{{village}}</td><td>{{category}}</td><td>{{fields}}</td><td>{{devices}}</td><td>{{since}}</td></tr>
    {{/rows}}</tbody></table></div>

    """

  static let decision = """
    <h1 class="whole">{{title}}</h1>
    <p class="hint">{{t.report_id}} <code>{{id}}</code> · {{village}} · {{category}} · <a href="/reports/{{id}}">{{t.conflict_report_link}}</a></p>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    {{^forms}}<p>{{t.conflict_none}}</p>{{/forms}}
    {{#forms}}
    <form class="decision" data-field="{{field}}" method="post" action="/conflicts/{{id}}">
    <fieldset>
    <legend>{{name}}{{#isDeletion}} · {{t.conflict_deletion}}{{/isDeletion}}</legend>
    <div class="choices">
    {{#choices}}<div class="choice">
    <input type="radio" name="choice" id="c-{{field}}-{{number}}" value="{{number}}"{{#provisional}} checked{{/provisional}}>
    <label for="c-{{field}}-{{number}}">{{number}}. <span class="whole">{{value}}</span></label>
    {{#provisional}}<p class="hint">{{t.conflict_provisional}}</p>{{/provisional}}
    <ul>{{#writes}}<li>{{device}} · {{author}} · {{time}}</li>{{/writes}}</ul>
    </div>
    {{/choices}}
    {{^isDeletion}}<div class="choice">
    <input type="radio" name="choice" id="c-{{field}}-custom" value="custom">
    <label for="c-{{field}}-custom">{{t.conflict_custom}}</label>
    <p><label for="v-{{field}}">{{t.conflict_value}}</label>
    <input id="v-{{field}}" name="value"></p>
    </div>{{/isDeletion}}
    </div>
    <p><label for="r-{{field}}">{{t.conflict_reason}}</label>
    <textarea id="r-{{field}}" name="reason" required maxlength="1000"></textarea></p>
    <input type="hidden" name="field" value="{{field}}">
    <input type="hidden" name="version" value="{{version}}">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><button type="submit">{{t.conflict_submit}}</button></p>
    </fieldset>
    </form>
    {{/forms}}
    {{#anyMerged}}<h2>{{t.conflict_merged}}</h2>
    <dl class="fields">{{#merged}}<dt>{{name}}</dt><dd class="whole">{{value}}</dd>{{/merged}}</dl>{{/anyMerged}}

    """

  static let devices = """
    <h1>{{t.devices_title}}</h1>
    <div class="scroll"><table id="devices">
    <thead><tr><th scope="col">{{t.col_name}}</th><th scope="col">{{t.col_villages}}</th><th scope="col">{{t.col_last_seen}}</th><th scope="col">{{t.col_pending}}</th><th scope="col">{{t.col_key}}</th><th scope="col">{{t.col_state}}</th><th scope="col">{{t.col_revoke}}</th></tr></thead>
    <tbody>{{#rows}}<tr data-device="{{name}}" data-device-id="{{id}}"><td>{{name}} <span class="hint">({{short}})</span></td><td>{{villages}}</td><td>{{lastSeen}}</td><td>{{pending}}</td><td><code>{{key}}</code></td><td>{{state}}</td>
    <td>{{^revoked}}<form class="revoke" method="post" action="/devices/{{id}}/revoke">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <label for="reason-{{id}}">{{t.devices_reason}}</label>
    <input id="reason-{{id}}" name="reason" required maxlength="1000">
    <button type="submit">{{t.devices_revoke}}</button>
    </form>{{/revoked}}</td></tr>
    {{/rows}}</tbody></table></div>
    {{^rows}}<p>{{t.devices_none}}</p>{{/rows}}
    <h2 id="enrol-heading">{{t.devices_enrol}}</h2>
    {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
    <form id="enrol" method="post" action="/devices" aria-labelledby="enrol-heading">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <p><label for="e-name">{{t.devices_name}}</label> <input id="e-name" name="name" required maxlength="200"></p>
    <p><label for="e-villages">{{t.devices_villages}}</label> <input id="e-villages" name="villages" required></p>
    <p><label for="e-server">{{t.devices_server}}</label> <input id="e-server" name="server" placeholder="{{server}}"></p>
    <p class="hint">{{t.devices_server_hint}}</p>
    <p><button type="submit">{{t.devices_enrol_submit}}</button></p>
    </form>

    """

  static let enrolled = """
    <h1>{{t.enrolled_title}}</h1>
    <p>{{sentence}}</p>
    <p><code id="enrolment-link">{{link}}</code></p>
    <p class="hint">{{t.enrolled_hint}}</p>
    <p><a href="/devices">{{t.enrolled_back}}</a></p>

    """

  static let audit = """
    <h1>{{t.audit_title}}</h1>
    <form id="audit-filters" method="get" action="/audit" role="search">
    <p><label for="a-administrator">{{t.col_administrator}}</label> <input id="a-administrator" name="administrator" value="{{administratorFilter}}"></p>
    <p><label for="a-report">{{t.audit_report}}</label> <input id="a-report" name="report" value="{{reportFilter}}"></p>
    <p><label for="a-action">{{t.col_action}}</label>
    <select id="a-action" name="action"><option value="">{{t.any}}</option>{{#actions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{code}}</option>{{/actions}}</select></p>
    <p><button type="submit">{{t.filter_apply}}</button></p>
    </form>
    {{> audit-table}}
    <nav class="pages" aria-label="{{t.pages}}">
    {{#prev}}<a rel="prev" href="/audit{{prev}}">{{t.page_prev}}</a>{{/prev}}
    {{#next}}<a rel="next" href="/audit{{next}}">{{t.page_next}}</a>{{/next}}
    </nav>

    """
}
