/// The console's one style sheet and icon, served from the binary under `/assets/`: no font,
/// picture or script comes from anywhere else.
enum ConsoleStyle {
  static let icon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" \
    rx="3" fill="#1f5f8b"/><path d="M4 4h2v6h5v2H4z" fill="#fff"/></svg>
    """

  static let css = """
    :root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #1f5f8b;
      --bad: #b42318; --paper: #fff; --shade: #f6f8fa; color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, "PingFang SC", "Noto Sans CJK SC",
      "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--paper); }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus {
      outline: 3px solid #f0b429; outline-offset: 2px; }
    .skip { position: absolute; left: -9999px; }
    .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; z-index: 2; }
    header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center;
      padding: 8px 16px; background: var(--shade); border-bottom: 1px solid var(--line); }
    .brand { font-weight: 700; margin: 0; }
    nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 0;
      padding: 0; }
    nav a { text-decoration: none; padding: 4px 2px; }
    nav a[aria-current="page"] { font-weight: 700; border-bottom: 2px solid var(--accent); }
    #sign-out { display: flex; gap: 8px; align-items: center; margin-left: auto; }
    .language { margin: 0; display: flex; gap: 8px; }
    main { padding: 16px; max-width: 1200px; margin: 0 auto; }
    h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
    h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
    section { margin-bottom: 1.5rem; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line);
      vertical-align: top; }
    th { background: var(--shade); }
    td.u-urgent { color: var(--bad); font-weight: 700; }
    .tag { font-size: 0.8rem; padding: 0 6px; border-radius: 8px; background: #fde7e7;
      color: var(--bad); white-space: nowrap; }
    .whole { white-space: pre-wrap; overflow-wrap: anywhere; }
    .error { color: var(--bad); font-weight: 600; }
    #notice { background: #e6f4ea; padding: 8px 12px; border-radius: 4px; }
    #stale { background: #fff4e5; padding: 8px 12px; border-radius: 4px; }
    .hint { color: var(--muted); font-size: 0.9rem; }
    form p { margin: 0.5rem 0; }
    label { display: inline-block; margin-right: 4px; font-weight: 600; }
    input, select, textarea, button { font: inherit; padding: 6px 8px; max-width: 100%; }
    button { background: var(--accent); color: #fff; border: 0; border-radius: 4px;
      cursor: pointer; }
    textarea { width: 100%; min-height: 4rem; }
    #filters, #audit-filters { display: flex; flex-wrap: wrap; gap: 8px 16px;
      align-items: flex-end; background: var(--shade); padding: 8px 12px; border-radius: 4px; }
    #filters p, #audit-filters p { margin: 0; }
    #filters label, #audit-filters label { display: block; }
    .pages { display: flex; gap: 16px; margin: 12px 0; }
    .chart { width: 100%; max-width: 720px; height: auto; display: block; }
    .chart text { font-size: 11px; fill: var(--ink); }
    .chart text.label, .chart text.value { text-anchor: middle; }
    .chart text.village { text-anchor: end; }
    .chart g text.value:last-child { text-anchor: start; }
    .axis { stroke: var(--muted); }
    .bar-new { fill: #1f5f8b; } .bar-resolved { fill: #2e9e5b; }
    .cat-hazard { fill: #b42318; } .cat-dispute { fill: #dd6b20; }
    .cat-assistance { fill: #2e9e5b; } .cat-grievance { fill: #6f42c1; }
    .cat-visit { fill: #1f5f8b; } .cat-other { fill: #8c959f; }
    fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 1rem; }
    .decision { border: 1px solid var(--line); border-radius: 4px; padding: 8px 12px;
      margin-bottom: 1rem; }
    .choices { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
      gap: 8px; }
    .choice { border: 1px solid var(--line); border-radius: 4px; padding: 8px; }
    .choice label { font-weight: 400; }
    code { overflow-wrap: anywhere; background: var(--shade); padding: 2px 4px; }
    dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
    dl.fields dt { font-weight: 600; }
    dl.fields dd { margin: 0; }
    @media (max-width: 640px) {
      header { padding: 8px; } main { padding: 8px; }
      #sign-out { margin-left: 0; }
      dl.fields { grid-template-columns: 1fr; }
      th, td { padding: 4px; }
    }
    """
}
