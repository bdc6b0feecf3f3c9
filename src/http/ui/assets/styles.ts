/**
 * The admin UI's one style sheet, as a string module so that the compiled dist/ serves it too
 * (tsc copies no other files). Plain CSS: system fonts, one accent colour, a badge per health.
 */
export const styles = `
:root {
  --ink: #1d2733; --muted: #5b6877; --line: #d9e0e7; --bg: #f5f7fa; --card: #fff;
  --accent: #1f5fbf; --accent-ink: #fff; --focus: #f0a500;
  --ok: #176b34; --ok-bg: #e3f4e8; --warn: #8a5a00; --warn-bg: #fdf0d5;
  --bad: #b3261e; --bad-bg: #fbe4e2; --idle: #4d5866; --idle-bg: #e7ebef;
  --radius: 6px; --gap: 1rem;
}
* { box-sizing: border-box; }
html { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
body { margin: 0; }
a { color: var(--accent); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
p { margin: 0 0 .75rem; }
code { font: .9em ui-monospace, SFMono-Regular, Menlo, monospace; background: var(--idle-bg); padding: .05rem .3rem; border-radius: 3px; }

.skip-link { position: absolute; left: -999px; top: .5rem; background: var(--card); padding: .5rem 1rem; z-index: 10; }
.skip-link:focus { left: .5rem; }
/* The hidden attribute wins over a display rule (fieldset's grid): the script hides other WMSs' settings with it. */
[hidden] { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

.site-header { background: #14283f; color: #fff; }
.site-header .bar { max-width: 76rem; margin: 0 auto; padding: .6rem 1.25rem; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; }
.brand { color: #fff; font-weight: 700; font-size: 1.1rem; text-decoration: none; letter-spacing: .02em; }
.site-nav { display: flex; gap: .25rem; flex: 1; }
.site-nav a { color: #d6e2f0; text-decoration: none; padding: .35rem .7rem; border-radius: var(--radius); }
.site-nav a:hover, .site-nav a[aria-current] { background: rgba(255,255,255,.12); color: #fff; }
.user { display: flex; align-items: center; gap: .75rem; color: #d6e2f0; font-size: .9rem; }
.user form { margin: 0; }
.user button { background: transparent; color: #fff; border-color: rgba(255,255,255,.4); }
/* Code in the dark header (the set-up mode hint) keeps the header's light text on a darker chip. */
.site-header code { background: #2a4466; color: #fff; }

main { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.page-head { display: flex; flex-wrap: wrap; align-items: flex-start; justify-content: space-between; gap: var(--gap); margin-bottom: 1.25rem; }
.page-head .meta { color: var(--muted); margin: 0; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.actions form { margin: 0; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.1rem 1.25rem; margin-bottom: 1.25rem; }
.card > :last-child { margin-bottom: 0; }
.muted { color: var(--muted); }
.tabs { display: flex; flex-wrap: wrap; gap: .25rem; border-bottom: 1px solid var(--line); margin-bottom: 1.25rem; }
.tabs a { padding: .45rem .85rem; text-decoration: none; color: var(--muted); border-bottom: 3px solid transparent; }
.tabs a[aria-current] { color: var(--ink); border-bottom-color: var(--accent); font-weight: 600; }

.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; background: var(--card); }
th, td { text-align: left; padding: .5rem .7rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:hover { background: #f8fafc; }
td form { margin: 0; display: inline-flex; gap: .35rem; align-items: center; }
.empty { color: var(--muted); padding: 1rem 0; }

.badge { display: inline-block; padding: .1rem .55rem; border-radius: 999px; font-size: .8rem; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge-healthy, .badge-succeeded, .badge-on { color: var(--ok); background: var(--ok-bg); border-color: #b7e0c3; }
.badge-lagging, .badge-partial, .badge-running { color: var(--warn); background: var(--warn-bg); border-color: #f1d49a; }
.badge-failing, .badge-failed { color: var(--bad); background: var(--bad-bg); border-color: #f0b9b4; }
.badge-waiting { color: #1f4f8f; background: #e4eefb; border-color: #b9cff0; }
.badge-paused, .badge-off, .badge-status { color: var(--idle); background: var(--idle-bg); border-color: #cfd6de; }
.badge-overridden { color: #5a3fb0; background: #ece6fb; border-color: #d3c6f5; }

button, .button { font: inherit; display: inline-flex; align-items: center; gap: .35rem; padding: .4rem .85rem; border-radius: var(--radius);
  border: 1px solid var(--line); background: var(--card); color: var(--ink); cursor: pointer; text-decoration: none; line-height: 1.3; white-space: nowrap; }
button:disabled { opacity: .55; cursor: not-allowed; }
button:hover, .button:hover { border-color: #aab6c3; background: #f0f3f6; }
.primary { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
.primary:hover { background: #184e9f; border-color: #184e9f; }
.danger { color: var(--bad); border-color: #f0b9b4; }
.small { padding: .2rem .6rem; font-size: .85rem; }

form.stack { display: grid; gap: 1rem; max-width: 44rem; }
fieldset { border: 1px solid var(--line); border-radius: var(--radius); padding: .9rem 1.1rem 1.1rem; margin: 0; display: grid; gap: .85rem; background: var(--card); }
legend { font-weight: 600; padding: 0 .35rem; }
.field { display: grid; gap: .25rem; }
.field label { font-weight: 600; }
.field .hint { color: var(--muted); font-size: .85rem; }
.field .error { color: var(--bad); font-size: .9rem; font-weight: 600; }
input, select { font: inherit; padding: .4rem .55rem; border: 1px solid #b9c4cf; border-radius: var(--radius); background: #fff; color: var(--ink); max-width: 100%; }
input[aria-invalid="true"] { border-color: var(--bad); }
input[type="number"] { width: 7rem; }
.check { display: flex; gap: .6rem; align-items: flex-start; }
.check input { margin-top: .3rem; }
.inline { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; }
.inline .field { min-width: 10rem; }

.notice { padding: .7rem 1rem; border-radius: var(--radius); margin-bottom: 1.25rem; border: 1px solid; }
.notice-ok { color: var(--ok); background: var(--ok-bg); border-color: #b7e0c3; }
.notice-error { color: var(--bad); background: var(--bad-bg); border-color: #f0b9b4; }
.notice ul { margin: .35rem 0 0; padding-left: 1.25rem; }
.group { border: 1px solid var(--line); border-radius: var(--radius); margin-bottom: 1rem; }
.group-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: .5rem; padding: .6rem .8rem; background: #fbf3f2; border-bottom: 1px solid var(--line); }
.group-head strong { color: var(--bad); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1.25rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.grid-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1.25rem; }
details > summary { cursor: pointer; font-weight: 600; padding: .25rem 0; }
.diff-old { color: var(--bad); text-decoration: line-through; }
.diff-new { color: var(--ok); font-weight: 600; }
.progress { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .6rem; }
.progress progress { width: 8rem; height: .6rem; accent-color: var(--accent); }
.progress-text { font-size: .85rem; }
.notice .progress { margin-top: .35rem; color: var(--ink); }
.tabs .count { display: inline-block; min-width: 1.4rem; padding: 0 .35rem; border-radius: 999px; background: var(--bad); color: #fff; font-size: .75rem; text-align: center; }
.bad-text { color: var(--bad); }
.pages { display: flex; flex-wrap: wrap; gap: .35rem; align-items: center; margin-top: 1rem; }
.pages .current { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
th a.sort { color: inherit; text-decoration: none; }
th a.sort:hover { text-decoration: underline; }
.error { color: var(--bad); font-weight: 600; }
.change { display: grid; gap: .35rem; min-width: 10rem; }
.editor-main code { overflow-wrap: anywhere; }
.change input { width: 100%; }
.warning { color: var(--warn); font-size: .9rem; font-weight: 600; max-width: 24rem; }
.notice-warn { color: var(--warn); background: var(--warn-bg); border-color: #f1d49a; }
.notice-warn p { margin: 0; }
/* The mapping editor with its preview beside it on a wide screen, the preview staying in view. */
.editor-layout { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 3fr); gap: 1.25rem; align-items: start; }
.editor-side { position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow: auto; }
@media (max-width: 64rem) { .editor-layout { grid-template-columns: minmax(0, 1fr); } .editor-side { position: static; max-height: none; } }
.section-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; margin-bottom: .75rem; }
.section-head h2 { margin: 0; }
.button.current { background: var(--accent); color: var(--accent-ink); border-color: var(--accent); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem 1.5rem; }
.chart { margin: 0; }
.chart figcaption { font-weight: 600; margin-bottom: .25rem; }
.chart svg { display: block; width: 100%; height: 7rem; background: #fafbfc; border: 1px solid var(--line); border-radius: var(--radius); }
.chart rect { fill: var(--accent); }
.chart-bad rect { fill: var(--bad); }
.chart path { fill: none; stroke: var(--accent); stroke-width: 2; vector-effect: non-scaling-stroke; }
.chart circle { fill: var(--accent); }
.chart .axis { stroke: #8795a5; stroke-width: 1; vector-effect: non-scaling-stroke; }
.chart .grid { stroke: var(--line); stroke-dasharray: 3 3; vector-effect: non-scaling-stroke; }
.chart-scale { display: flex; justify-content: space-between; font-size: .8rem; color: var(--muted); }
.chart-summary { font-size: .85rem; color: var(--muted); margin: .25rem 0 0; }
.live-status { font-size: .85rem; color: var(--muted); }

@media (max-width: 40rem) {
  html { font-size: 14px; }
  main { padding: 1rem .75rem 2rem; }
  .site-header .bar { padding: .5rem .75rem; }
  .site-nav { order: 3; flex-basis: 100%; }
  .page-head { flex-direction: column; }
  .card { padding: .85rem; }
  th, td { padding: .4rem .5rem; }
  /* Wide tables keep a readable layout and scroll sideways inside their region… */
  .table-wrap table { min-width: 36rem; }
  /* …unless the script labelled their cells: then each row stacks into a card of label: value. */
  .table-wrap table.stacked { min-width: 0; }
  table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.stacked, table.stacked tbody, table.stacked tr, table.stacked td { display: block; width: 100%; }
  table.stacked tr { border-bottom: 1px solid var(--line); padding: .35rem 0; }
  table.stacked td { border: 0; padding: .2rem .25rem; text-align: left; overflow-wrap: anywhere; }
  table.stacked td[data-label] { display: grid; grid-template-columns: minmax(6rem, 38%) minmax(0, 1fr); gap: .5rem; }
  table.stacked td[data-label] > * { justify-self: start; }
  table.stacked td[data-label]::before { content: attr(data-label); color: var(--muted); font-size: .8rem; font-weight: 600; }
  table.stacked td.num { text-align: left; }
  .progress progress { width: 100%; }
}
`;
