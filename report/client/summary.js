// summary.js: the page's header: what was checked, the verdict, and the configuration the
// history was recorded under, so that a screenshot stands on its own.

/** renderSummary fills the header from the report data. */
function renderSummary(report) {
  const { title, header, check, events, timeline } = report.data;
  const summary = document.getElementById("summary");
  const verdict = element("span", `verdict verdict-${check.verdict}`, check.verdict);
  const heading = element("h1", "", "");
  heading.append(element("span", "brand", "lazarus"), " ", element("span", "title", title), " ", verdict);
  const { operations, keys } = check.statistics;
  const facts = [
    `${check.level} level`,
    `${operations} operations on ${keys} ${keys === 1 ? "key" : "keys"}`,
    `${events.length} events`,
    `ticks ${timeline.startTicks}–${timeline.endTicks}`,
    `${check.anomalies.length} ${check.anomalies.length === 1 ? "anomaly" : "anomalies"}`,
  ];
  if (check.explained.length > 0) facts.push(`${check.explained.length} explained`);
  if (check.unknown.length > 0) facts.push(`${check.unknown.length} undecided`);
  summary.append(heading, element("div", "facts", facts.join(" · ")), element("div", "config", describeConfig(header)));
  if (header.description !== undefined) summary.append(element("div", "description", header.description));
  document.title = `lazarus report: ${title} (${check.verdict})`;
}

/** describeConfig names the cluster a history was recorded on, as `lazarus run` prints it. */
function describeConfig(header) {
  const c = header.config;
  const parts = [
    `${c.nodes.length} nodes`,
    `N=${c.replicationFactor} R=${c.readQuorum} W=${c.writeQuorum}`,
    `${c.sloppyQuorum ? "sloppy" : "strict"} quorum`,
    c.versioning,
    `read repair ${c.readRepair}`,
    `gc ${c.gc.mode}${c.gc.graceTicks === undefined ? "" : ` (grace ${c.gc.graceTicks} ticks)`}`,
    `hint TTL ${c.hintTtlTicks} ticks`,
  ];
  if (c.rejoinGuard) parts.push("rejoin guard");
  if (c.bugs.length > 0) parts.push(`bugs on: ${c.bugs.join(", ")}`);
  if (header.seed !== undefined) parts.push(`seed ${header.seed}`);
  return parts.join(" · ");
}

/** renderLegend explains the colours and symbols, drawn with the same code as the timeline. */
function renderLegend() {
  const entries = [
    ["ok", (c) => swatchBar(c, colours.ok)],
    ["fail", (c) => swatchBar(c, colours.fail)],
    ["info (open-ended)", (c) => swatchBar(c, colours.info, true)],
    ["down", (c) => { c.fillStyle = colours.down; c.globalAlpha = 0.4; c.fillRect(1, 2, 16, 10); }],
    ["partition", (c) => { c.fillStyle = colours.partition; c.globalAlpha = 0.4; c.fillRect(1, 2, 16, 10); }],
    ["anti-entropy", (c) => { c.fillStyle = colours.antiEntropy; c.fillRect(1, 5, 16, 4); }],
    ["hint stored, delivered, expired", (c) => { symbol(c, "hint-stored", 5); symbol(c, "hint-delivered", 14); symbol(c, "hint-expired", 23); }, 28],
    ["repair write", (c) => symbol(c, "repair-write", 9)],
    ["gc purge", (c) => symbol(c, "gc-purge", 9)],
    ["clock skew", (c) => symbol(c, "clock-skew", 9)],
    ["barrier", (c) => symbol(c, "barrier", 7)],
  ];
  const legend = document.getElementById("legend");
  for (const [label, draw, width = 18] of entries) {
    const item = element("span", "legend-item");
    const canvas = document.createElement("canvas");
    const context = prepareCanvas(canvas, width, 14);
    draw(context);
    item.append(canvas, element("span", "", label));
    legend.append(item);
  }
}

function swatchBar(context, colour, openEnded) {
  context.fillStyle = colour;
  context.fillRect(1, 3, openEnded ? 8 : 16, 8);
  if (openEnded) {
    context.strokeStyle = colour;
    context.setLineDash([2, 2]);
    context.beginPath();
    context.moveTo(9, 10);
    context.lineTo(18, 10);
    context.stroke();
  }
}

function symbol(context, mark, x) {
  context.fillStyle = colours[mark];
  context.strokeStyle = colours[mark];
  context.lineWidth = mark === "barrier" ? 1.5 : 2;
  markSymbol(context, mark, x, 7);
}
