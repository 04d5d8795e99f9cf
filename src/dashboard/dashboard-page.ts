/**
 * The dashboard's one HTML document, styles inlined so the first paint needs a single request; uPlot and the page
 * scripts load deferred (web/app.ts). Everything the page shows comes from the API with the user's key.
 */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Apron dashboard</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/vendor/uPlot.min.css">
<script defer src="/dashboard/vendor/uPlot.iife.min.js"></script>
<script type="module" src="/dashboard/app.js"></script>
<style>
:root { --bg:#f4f5f7; --panel:#fff; --ink:#1d2330; --muted:#667085; --line:#e3e6ea; --accent:#1f6feb;
  --risk:#d92d20; --warn:#dc6803; --ok:#12b76a; --peak:#fbe3e1; --flat:#fdf1d6; --valley:#dff3e6; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color:var(--ink); background:var(--bg); }
header { display:flex; gap:12px; align-items:center; padding:8px 16px; background:#101828; color:#fff; flex-wrap:wrap; }
header h1 { font-size:16px; margin:0 8px 0 0; letter-spacing:.04em; }
header select, header button { font:inherit; }
header .muted { color:#98a2b3; }
.spacer { flex:1; }
button { font:inherit; border:1px solid var(--line); background:#fff; color:var(--ink); border-radius:6px; padding:4px 10px; cursor:pointer; }
button.primary { background:var(--accent); border-color:var(--accent); color:#fff; }
button.danger { color:var(--risk); }
button:disabled { opacity:.5; cursor:default; }
.pill { font-size:12px; border-radius:10px; padding:2px 8px; background:#344054; }
.pill[data-state=live] { background:var(--ok); }
.pill[data-state=connecting] { background:var(--warn); }
main { padding:12px 16px; }
#signin form { max-width:420px; margin:10vh auto; background:var(--panel); padding:24px; border-radius:10px; box-shadow:0 1px 3px #0002; display:grid; gap:12px; }
#signin input[type=password] { width:100%; font:inherit; padding:6px; }
.error { color:var(--risk); min-height:1.2em; margin:0; }
#board { display:grid; grid-template-columns:minmax(0,3fr) minmax(280px,1fr); gap:12px; }
.panel { background:var(--panel); border-radius:10px; padding:10px 14px; box-shadow:0 1px 2px #0001; min-width:0; }
.panel.full { grid-column:1 / -1; }
.panel h2 { font-size:14px; margin:0 0 8px; } .panel h3 { font-size:13px; margin:12px 0 4px; color:var(--muted); }
small, .muted { color:var(--muted); }
.gantt { position:relative; font-size:12px; }
.gantt-axis, .gantt-row { display:grid; grid-template-columns:90px 1fr; align-items:center; }
.gantt-row { border-top:1px solid var(--line); min-height:26px; }
.gantt-label { padding-right:6px; overflow:hidden; text-overflow:ellipsis; white-space:nowrap; }
.gantt-label.out { color:var(--muted); text-decoration:line-through; }
.gantt-track { position:relative; height:24px; }
.gantt-ticks { position:relative; height:18px; color:var(--muted); }
.gantt-tick { position:absolute; transform:translateX(-50%); white-space:nowrap; }
.gantt-now { position:absolute; top:0; bottom:0; width:2px; background:var(--accent); opacity:.6; pointer-events:none; }
.bar { position:absolute; top:3px; height:18px; min-width:3px; border-radius:4px; background:#84adff; color:#0b1b3f; border:0;
  padding:0 4px; font-size:11px; overflow:hidden; white-space:nowrap; text-overflow:ellipsis; cursor:pointer; text-align:left; }
.bar.delayed { border-left:4px solid #f79009; }
.bar.risk { background:#fda29b; color:#55160c; outline:2px solid var(--risk); }
.bar.pinned::after { content:" \\1F4CC"; }
.bar.selected { box-shadow:0 0 0 2px #101828; }
.bar.unassigned { background:#fecdca; }
.task-detail dl { display:grid; grid-template-columns:auto 1fr; gap:2px 10px; margin:0 0 8px; }
.task-detail dt { color:var(--muted); }
.task-detail dd { margin:0; }
.chips { display:flex; flex-wrap:wrap; gap:4px; }
.chip { border-radius:10px; padding:1px 8px; background:#eef2f6; font-size:12px; display:inline-flex; gap:4px; align-items:center; }
.chip button { border:0; padding:0 2px; background:none; }
.chip.risk { background:#fee4e2; color:var(--risk); }
.override { display:flex; gap:6px; flex-wrap:wrap; margin-top:8px; }
.override select { font:inherit; }
#alerts, #events { list-style:none; padding:0; margin:0; max-height:240px; overflow:auto; }
#alerts li, #events li { padding:3px 0; border-bottom:1px solid var(--line); }
#alerts li.critical::before { content:"\\25CF "; color:var(--risk); }
#alerts li.warning::before { content:"\\25CF "; color:var(--warn); }
.chargers { display:grid; grid-template-columns:repeat(auto-fill, minmax(150px,1fr)); gap:8px; }
.charger { border:1px solid var(--line); border-radius:8px; padding:6px 8px; }
.charger .name::before { content:"\\25CF "; color:var(--muted); }
.charger.online .name::before { color:var(--ok); }
.connector { display:inline-block; margin:4px 4px 0 0; padding:1px 6px; border-radius:4px; font-size:12px; background:#eaecf0; }
.connector[data-status=Available] { background:#d1fadf; } .connector[data-status=Occupied] { background:#d1e9ff; }
.connector[data-status=Faulted] { background:#fee4e2; color:var(--risk); } .connector[data-status=Reserved] { background:#ebe9fe; }
table { width:100%; border-collapse:collapse; }
th, td { text-align:left; padding:4px 6px; border-bottom:1px solid var(--line); white-space:nowrap; }
th { font-weight:600; color:var(--muted); font-size:12px; }
tr.out td { color:var(--muted); }
.soc { display:inline-block; width:80px; height:8px; background:#eaecf0; border-radius:4px; vertical-align:middle; margin-right:6px; position:relative; overflow:hidden; }
.soc span { position:absolute; left:0; top:0; bottom:0; background:var(--ok); }
.soc.low span { background:var(--risk); }
.legend { display:flex; gap:12px; flex-wrap:wrap; font-size:12px; color:var(--muted); margin-top:4px; }
.legend i { display:inline-block; width:12px; height:12px; border-radius:2px; vertical-align:-2px; margin-right:4px; }
#toast { position:fixed; right:16px; bottom:16px; max-width:420px; background:#101828; color:#fff; padding:8px 12px; border-radius:8px; opacity:0; transition:opacity .2s; pointer-events:none; }
#toast.show { opacity:.95; } #toast.error { background:var(--risk); }
@media (max-width: 900px) { #board { grid-template-columns:1fr; } }
</style>
</head>
<body>
<header>
  <h1>APRON</h1>
  <select id="site" aria-label="Site" hidden></select>
  <span id="plan-info" class="muted"></span>
  <span class="spacer"></span>
  <span id="live" class="pill" data-state="off">offline</span>
  <button id="solve-now" class="primary" hidden>Solve now</button>
  <button id="sign-out" hidden>Sign out</button>
</header>
<main>
  <p id="loading" class="muted">Loading…</p>
  <section id="signin" hidden>
    <form id="signin-form">
      <h2>Sign in</h2>
      <p class="muted">Paste an API key: a dispatcher or fleet-manager key may change assignments, any key may watch.</p>
      <label>API key <input id="token" type="password" autocomplete="off" spellcheck="false" required></label>
      <label><input id="remember" type="checkbox"> Remember on this device</label>
      <button type="submit" class="primary">Sign in</button>
      <p id="signin-error" class="error" role="alert"></p>
    </form>
  </section>
  <div id="board" hidden>
    <section class="panel"><h2>Transfer tasks <small id="task-count"></small></h2><div id="gantt" class="gantt"></div></section>
    <section class="panel task-detail" id="task-panel"><h2>Task</h2><div id="task-detail" class="muted">Select a task in the timeline.</div></section>
    <section class="panel"><h2>Site power <small>planned, metered, grid limit; tariff bands behind</small></h2><div id="power-chart"></div><div id="tariff-legend" class="legend"></div></section>
    <section class="panel"><h2>Alerts</h2><ul id="alerts"></ul><h3>Live events</h3><ul id="events"></ul></section>
    <section class="panel"><h2>State of charge <small>planned curves, dots: estimate now</small></h2><div id="soc-chart"></div></section>
    <section class="panel"><h2>Chargers</h2><div id="chargers" class="chargers"></div></section>
    <section class="panel full"><h2>Vehicles</h2>
      <table id="vehicles"><thead><tr><th>Vehicle</th><th>Type</th><th>SoC now</th><th>Status</th><th>Next task</th><th>Next charge</th><th></th></tr></thead><tbody></tbody></table>
    </section>
  </div>
  <div id="toast" role="status" aria-live="polite"></div>
</main>
</body>
</html>
`;
