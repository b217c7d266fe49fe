extension ConsoleTemplates {
  static let dashboard = """
    <h1>{{t.dashboard_title}}</h1>
    <section id="weekly" aria-labelledby="weekly-heading">
    <h2 id="weekly-heading">{{t.dashboard_weekly}}</h2>
    <svg id="weekly-chart" class="chart" viewBox="0 0 {{weekly.width}} {{weekly.height}}" role="img" aria-labelledby="weekly-title">
    <title id="weekly-title">{{weekly.summary}}</title>
    <line class="axis" x1="40" y1="{{weekly.base}}" x2="{{weekly.width}}" y2="{{weekly.base}}"/>
    {{#weekly.bars}}
    <g><title>{{label}}: {{t.legend_new}} {{new}}, {{t.legend_resolved}} {{resolved}}</title>
    <rect class="bar-new" x="{{newX}}" y="{{newY}}" width="{{barWidth}}" height="{{newHeight}}"/>
    <rect class="bar-resolved" x="{{resolvedX}}" y="{{resolvedY}}" width="{{barWidth}}" height="{{resolvedHeight}}"/>
    <text class="value" x="{{newMid}}" y="{{newLabelY}}">{{new}}</text>
    <text class="value" x="{{resolvedMid}}" y="{{resolvedLabelY}}">{{resolved}}</text>
    <text class="label" x="{{mid}}" y="{{labelY}}">{{label}}</text></g>
    {{/weekly.bars}}
    <rect class="bar-new" x="40" y="6" width="12" height="12"/><text class="legend" x="56" y="16">{{t.legend_new}}</text>
    <rect class="bar-resolved" x="140" y="6" width="12" height="12"/><text class="legend" x="156" y="16">{{t.legend_resolved}}</text>
    </svg>
    </section>
    <section id="open" aria-labelledby="open-heading">
    <h2 id="open-heading">{{t.dashboard_open}}</h2>
    <svg id="open-chart" class="chart" viewBox="0 0 {{open.width}} {{open.height}}" role="img" aria-labelledby="open-title">
    <title id="open-title">{{open.summary}}</title>
    {{#open.legend}}<rect class="cat-{{code}}" x="{{x}}" y="4" width="12" height="12"/><text class="legend" x="{{textX}}" y="14">{{name}}</text>
    {{/open.legend}}
    {{#open.rows}}
    <g><text class="village" x="{{labelX}}" y="{{textY}}">{{village}}</text>
    {{#segments}}<rect class="cat-{{code}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}"><title>{{village}}, {{name}}: {{count}}</title></rect>
    {{/segments}}<text class="value" x="{{totalX}}" y="{{textY}}">{{total}}</text></g>
    {{/open.rows}}
    </svg>
    {{#open.empty}}<p>{{t.dashboard_none_open}}</p>{{/open.empty}}
    {{#open.more}}<p class="hint">{{open.more}}</p>{{/open.more}}
    </section>
    <section id="overdue" aria-labelledby="overdue-heading">
    <h2 id="overdue-heading">{{overdue.heading}}</h2>
    {{#overdue.any}}<div class="scroll"><table>{{> report-head}}<tbody>{{#overdue}}{{> report-rows}}{{/overdue}}</tbody></table></div>{{/overdue.any}}
    {{^overdue.any}}<p>{{t.dashboard_none_overdue}}</p>{{/overdue.any}}
    </section>
    <section id="urgent" aria-labelledby="urgent-heading">
    <h2 id="urgent-heading">{{urgent.heading}}</h2>
    {{#urgent.any}}<div class="scroll"><table>{{> report-head}}<tbody>{{#urgent}}{{> report-rows}}{{/urgent}}</tbody></table></div>{{/urgent.any}}
    {{^urgent.any}}<p>{{t.dashboard_none_urgent}}</p>{{/urgent.any}}
    </section>
    <section id="awaiting" aria-labelledby="awaiting-heading">
    <h2 id="awaiting-heading">{{awaiting.heading}}</h2>
    {{#awaiting.any}}<div class="scroll"><table>
    <thead><tr><th scope="col">{{t.col_title}}</th><th scope="col">{{t.col_village}}</th><th scope="col">{{t.col_category}}</th><th scope="col">{{t.col_updated}}</th><th scope="col">{{t.col_decide}}</th></tr></thead>
    <tbody>{{#awaiting.rows}}<tr data-report-id="{{id}}"><td><a class="report-link" href="/reports/{{id}}">{{title}}</a></td><td>{{village}}</td><td>{{category}}</td><td>{{updated}}</td><td><a href="/conflicts/{{id}}">{{t.decide}}</a></td></tr>
    {{/awaiting.rows}}</tbody></table></div>{{/awaiting.any}}
    {{^awaiting.any}}<p>{{t.dashboard_none_awaiting}}</p>{{/awaiting.any}}
    </section>

    """
}
