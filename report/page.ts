// One self-contained HTML page: the skeleton the page's script fills, its style and script
// inline, and the report data as JSON in a <script type="application/json"> element.
// Nothing is fetched, so the page opens from a file, offline, years later.
import { clientAssets } from "./client-assets.ts";
import { scriptJson } from "./embed-json.ts";
import type { ReportData } from "./report-data.ts";

/** reportPage renders the HTML page of one report. */
export function reportPage(data: ReportData): string {
  const { style, script } = clientAssets();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(`lazarus report: ${data.title}`)}</title>
<style>
${style}
</style>
</head>
<body>
<header id="summary"></header>
<main>
  <section id="timeline-pane" aria-label="timeline">
    <div id="toolbar">
      <label for="key-filter">key</label>
      <input id="key-filter" list="key-list" placeholder="all keys" autocomplete="off" spellcheck="false">
      <datalist id="key-list"></datalist>
      <button id="reset-view" type="button" title="show the whole history (0)">whole history</button>
      <span id="legend"></span>
    </div>
    <canvas id="axis" height="30"></canvas>
    <div id="lanes-scroller"><canvas id="lanes"></canvas></div>
    <div id="status"></div>
  </section>
  <aside id="panel" aria-label="findings"></aside>
</main>
<div id="tooltip" role="tooltip" hidden></div>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>
${script}
</script>
</body>
</html>
`;
}

/** escapeHtml makes text safe between tags. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
