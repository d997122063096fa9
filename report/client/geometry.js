// geometry.js: where things go on the canvas (lane rows, the gutter of lane names, ticks to
// pixels) and the colours that say what they are. Drawing and hit testing both read it.

const gutterWidth = 104;
const laneHeight = 28;
const sectionGap = 12;
const barHeight = 16;

const colours = {
  ok: "#2f9e66",
  fail: "#d64545",
  info: "#e2a02b",
  down: "#8b95a1",
  partition: "#c2477a",
  partitionSides: ["#5b8def", "#e07b39", "#3aa88f", "#a35bd6"],
  antiEntropy: "#3b7dd8",
  "hint-stored": "#8e5bd6",
  "hint-delivered": "#8e5bd6",
  "hint-expired": "#8e5bd6",
  "repair-write": "#178f8f",
  "gc-purge": "#9c4a1a",
  "clock-skew": "#e07b39",
  "node-repaired": "#2f9e66",
  barrier: "#64748b",
  highlight: "#7c3aed",
  prefix: "#0b84c6",
  laneStripe: "#f6f7f9",
  grid: "#e6e8ec",
  text: "#1f2430",
  muted: "#6b7280",
};

/** layoutRows gives each lane its top y, with a gap where the lane kind changes (clients, cluster, nodes). */
function layoutRows(lanes) {
  const tops = [];
  // Room above the first lane for the label of a highlighted item in it.
  let y = 18;
  lanes.forEach((lane, index) => {
    if (index > 0 && lanes[index - 1].kind !== lane.kind) y += sectionGap;
    tops.push(y);
    y += laneHeight;
  });
  return { tops, height: y + 4 };
}

/** laneAt is the lane under a y coordinate, or -1. */
function laneAt(rows, y) {
  for (let lane = 0; lane < rows.tops.length; lane++) {
    if (y >= rows.tops[lane] && y < rows.tops[lane] + laneHeight) return lane;
  }
  return -1;
}

/** xOfTicks is where a moment is drawn, for a plot `width` pixels wide right of the gutter. */
function xOfTicks(view, width, ticks) {
  return gutterWidth + ((ticks - view.start) / (view.end - view.start)) * (width - gutterWidth);
}

/** ticksOfX is the moment under an x coordinate. */
function ticksOfX(view, width, x) {
  return view.start + ((x - gutterWidth) / (width - gutterWidth)) * (view.end - view.start);
}

/** itemColour is the colour an item is drawn in: an operation by its outcome, anything else by what it is. */
function itemColour(item) {
  if (item.kind === "operation") return colours[item.outcome];
  if (item.kind === "mark") return colours[item.mark];
  if (item.span === "partition-side") return colours.partitionSides[item.side % colours.partitionSides.length];
  return item.span === "anti-entropy" ? colours.antiEntropy : colours[item.span];
}

/** niceStep is a round interval between axis labels (1, 2 or 5 times a power of ten, at least one tick) at least `ticks` wide. */
function niceStep(ticks) {
  const power = Math.pow(10, Math.floor(Math.log10(Math.max(ticks, 1))));
  for (const multiple of [1, 2, 5]) if (multiple * power >= ticks) return multiple * power;
  return 10 * power;
}
