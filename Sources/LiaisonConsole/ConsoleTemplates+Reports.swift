extension ConsoleTemplates {
  static let reports = """
    <h1>{{t.reports_title}}</h1>
    <form id="filters" method="get" action="/reports" role="search">
    <p><label for="f-village">{{t.col_village}}</label>
    <input id="f-village" name="village" value="{{filters.village}}" list="villages"></p>
    <datalist id="villages">{{#villages}}<option value="{{.}}">{{/villages}}</datalist>
    <p><label for="f-category">{{t.col_category}}</label>
    <select id="f-category" name="category"><option value="">{{t.any}}</option>{{#categories}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/categories}}</select></p>
    <p><label for="f-status">{{t.col_status}}</label>
    <select id="f-status" name="status"><option value="">{{t.any}}</option>{{#statuses}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/statuses}}</select></p>
    <p><label for="f-urgency">{{t.col_urgency}}</label>
    <select id="f-urgency" name="urgency"><option value="">{{t.any}}</option>{{#urgencies}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/urgencies}}</select></p>
    <p><input type="checkbox" id="f-conflicted" name="conflicted" value="1"{{#filters.conflicted}} checked{{/filters.conflicted}}>
    <label for="f-conflicted">{{t.filter_conflicted}}</label></p>
    <p><label for="f-q">{{t.filter_search}}</label>
    <input id="f-q" name="q" type="search" value="{{filters.q}}"></p>
    <p><label for="f-sort">{{t.filter_sort}}</label>
    <select id="f-sort" name="sort"><option value="date"{{^byUrgency}} selected{{/byUrgency}}>{{t.sort_date}}</option><option value="urgency"{{#byUrgency}} selected{{/byUrgency}}>{{t.sort_urgency}}</option></select></p>
    <p><button type="submit">{{t.filter_apply}}</button></p>
    </form>
    <p id="result-count">{{count}}</p>
    <p><a id="csv" href="/reports.csv{{query}}" download>{{t.csv}}</a></p>
    {{#any}}<div class="scroll"><table id="reports">{{> report-head}}<tbody>{{> report-rows}}</tbody></table></div>{{/any}}
    {{^any}}<table id="reports">{{> report-head}}<tbody></tbody></table><p>{{t.reports_none}}</p>{{/any}}
    <nav class="pages" aria-label="{{t.pages}}">
    {{#prev}}<a rel="prev" href="/reports{{prev}}">{{t.page_prev}}</a>{{/prev}}
    <span>{{pageOf}}</span>
    {{#next}}<a rel="next" href="/reports{{next}}">{{t.page_next}}</a>{{/next}}
    </nav>

    """

  static let report = """
    <h1 class="whole">{{title}}</h1>
    <p class="hint">{{t.report_id}} <code>{{id}}</code>{{#deleted}} · <strong>{{t.report_deleted}}</strong>{{/deleted}}</p>
    {{#notice}}<p id="notice" role="status">{{notice}}</p>{{/notice}}
    {{#stale}}<p id="stale" role="alert">{{stale}}</p>{{/stale}}
    {{#conflicted}}<p><a id="decide" href="/conflicts/{{id}}">{{t.report_decide}}</a></p>{{/conflicted}}
    <section id="fields" aria-labelledby="fields-heading">
    <h2 id="fields-heading">{{t.report_fields}}</h2>
    <div class="scroll"><table>
    <thead><tr><th scope="col">{{t.col_field}}</th><th scope="col">{{t.col_value}}</th><th scope="col">{{t.col_device}}</th><th scope="col">{{t.col_author}}</th><th scope="col">{{t.col_time}}</th></tr></thead>
    <tbody>
    {{#fields}}
    {{#values}}<tr data-field="{{code}}"{{#conflict}} class="conflict"{{/conflict}}>{{#first}}<th scope="row" rowspan="{{span}}">{{name}}{{#conflict}} <span class="tag conflict">{{t.tag_conflict}}</span>{{/conflict}}</th>{{/first}}<td class="whole">{{value}}</td><td>{{device}}</td><td>{{author}}</td><td>{{time}}</td></tr>
    {{/values}}
    {{/fields}}
    </tbody></table></div>
    </section>
    <section id="notes" aria-labelledby="notes-heading">
    <h2 id="notes-heading">{{t.report_notes}}</h2>
    {{#anyNotes}}<ul>{{/anyNotes}}{{#notes}}<li><span class="hint">{{time}} · {{author}} · {{device}}</span><br><span class="whole">{{text}}</span></li>{{/notes}}{{#anyNotes}}</ul>{{/anyNotes}}
    {{^anyNotes}}<p>{{t.report_no_notes}}</p>{{/anyNotes}}
    </section>
    <section id="history" aria-labelledby="history-heading">
    <h2 id="history-heading">{{t.report_history}}</h2>
    <div class="scroll"><table>
    <thead><tr><th scope="col">{{t.col_who}}</th><th scope="col">{{t.col_time}}</th><th scope="col">{{t.col_device}}</th><th scope="col">{{t.col_field}}</th><th scope="col">{{t.col_change}}</th></tr></thead>
    <tbody>
    {{#history}}<tr><td>{{author}}</td><td>{{time}}</td><td>{{device}}</td><td>{{field}}</td><td class="whole">{{#old}}<del>{{old}}</del> → {{/old}}<ins>{{new}}</ins></td></tr>
    {{/history}}
    </tbody></table></div>
    </section>
    <section id="audit" aria-labelledby="audit-heading">
    <h2 id="audit-heading">{{t.report_audit}}</h2>
    {{> audit-table}}
    </section>

    """

  static let auditTable = """
    {{#anyEntries}}<div class="scroll"><table id="{{auditTable}}">
    <thead><tr><th scope="col">{{t.col_time}}</th><th scope="col">{{t.col_administrator}}</th><th scope="col">{{t.col_action}}</th><th scope="col">{{t.col_subject}}</th><th scope="col">{{t.col_detail}}</th><th scope="col">{{t.col_reason}}</th></tr></thead>
    <tbody>{{#entries}}<tr><td>{{time}}</td><td>{{actor}}</td><td>{{action}}</td><td><code>{{subject}}</code></td><td class="whole">{{detail}}</td><td class="whole">{{reason}}</td></tr>
    {{/entries}}</tbody></table></div>{{/anyEntries}}
    {{^anyEntries}}<p>{{t.audit_none}}</p>{{/anyEntries}}

    """
}
