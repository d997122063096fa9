// draw.js: one frame of the timeline. The timeline is drawn on a canvas, not as DOM nodes:
// a history of 10^5 events would be 10^5 elements, too many to lay out and restyle on
// every zoom. Only what is visible is drawn: each lane's items are culled to the visible
// range (data.js), and short items that would land on the pixel just drawn are skipped.

const font = "12px system-ui, -apple-system, 'Segoe UI', sans-serif";

/** prepareCanvas sizes a canvas for the device's pixel ratio and returns its context, in CSS pixels. */
function prepareCanvas(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
  }
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.font = font;
  context.textBaseline = "middle";
  return context;
}

/** drawFrame draws the axis and every lane for the current view, highlights last. */
function drawFrame(ui) {
  const started = performance.now();
  const { view, rows, width, report } = ui;
  const context = prepareCanvas(ui.lanesCanvas, width, rows.height);
  drawLaneBackgrounds(context, ui);
  const step = axisStep(ui);
  drawGrid(context, ui, step);
  context.save();
  context.beginPath();
  context.rect(gutterWidth, 0, width - gutterWidth, rows.height);
  context.clip();
  const slackTicks = (4 * (view.end - view.start)) / (width - gutterWidth);
  const emphasised = [];
  let drawn = 0;
  report.barriers.forEach((barrier) => drawBarrierLine(context, ui, barrier));
  report.lanes.forEach((lane, index) => {
    const last = { pixel: -1, colour: "" };
    visibleItems(report, index, view.start - slackTicks, view.end + slackTicks, (item) => {
      if (isEmphasised(ui, item)) emphasised.push(item);
      else if (drawItem(context, ui, item, last)) drawn++;
    });
  });
  for (const item of emphasised) {
    drawItem(context, ui, item, { pixel: -1, colour: "" });
    drawEmphasis(context, ui, item);
    drawn++;
  }
  context.restore();
  drawGutter(context, ui);
  drawAxis(ui, step);
  ui.lastFrame = { drawnItems: drawn, milliseconds: performance.now() - started };
}

function drawLaneBackgrounds(context, ui) {
  ui.report.lanes.forEach((lane, index) => {
    context.fillStyle = index % 2 === 0 ? colours.laneStripe : "#ffffff";
    context.fillRect(0, ui.rows.tops[index], ui.width, laneHeight);
  });
}

/** axisStep picks label spacing so that labels stand about 90 pixels apart. */
function axisStep(ui) {
  const ticksPerPixel = (ui.view.end - ui.view.start) / (ui.width - gutterWidth);
  return niceStep(ticksPerPixel * 90);
}

function drawGrid(context, ui, step) {
  context.strokeStyle = colours.grid;
  context.lineWidth = 1;
  context.beginPath();
  for (let t = Math.ceil(ui.view.start / step) * step; t <= ui.view.end; t += step) {
    const x = Math.round(xOfTicks(ui.view, ui.width, t)) + 0.5;
    if (x < gutterWidth) continue;
    context.moveTo(x, 0);
    context.lineTo(x, ui.rows.height);
  }
  context.stroke();
}

function drawGutter(context, ui) {
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, gutterWidth, ui.rows.height);
  context.strokeStyle = colours.grid;
  context.beginPath();
  context.moveTo(gutterWidth - 0.5, 0);
  context.lineTo(gutterWidth - 0.5, ui.rows.height);
  context.stroke();
  ui.report.lanes.forEach((lane, index) => {
    context.fillStyle = lane.kind === "client" ? colours.text : lane.kind === "node" ? "#30415d" : colours.muted;
    context.font = lane.kind === "client" ? font : `600 ${font}`;
    context.fillText(lane.label, 10, ui.rows.tops[index] + laneHeight / 2);
  });
  context.font = font;
}

/** drawAxis labels the visible ticks and marks where the highlighted events are. */
function drawAxis(ui, step) {
  const height = 30;
  const context = prepareCanvas(ui.axisCanvas, ui.width, height);
  context.fillStyle = colours.muted;
  context.textAlign = "center";
  context.fillText("ticks", gutterWidth / 2, height / 2);
  for (let t = Math.ceil(ui.view.start / step) * step; t <= ui.view.end; t += step) {
    const x = xOfTicks(ui.view, ui.width, t);
    if (x < gutterWidth + 12) continue;
    context.fillText(String(Math.round(t * 1000) / 1000), x, 10);
    context.fillRect(Math.round(x), height - 8, 1, 8);
  }
  context.fillStyle = colours.highlight;
  for (const event of ui.highlighted) {
    const x = xOfTicks(ui.view, ui.width, eventTicks(ui.report, event));
    if (x >= gutterWidth && x <= ui.width) context.fillRect(Math.round(x) - 1, height - 12, 3, 12);
  }
  context.textAlign = "left";
}

function drawBarrierLine(context, ui, barrier) {
  const x = Math.round(xOfTicks(ui.view, ui.width, barrier.startTicks)) + 0.5;
  if (x < gutterWidth || x > ui.width) return;
  context.save();
  context.globalAlpha = itemAlpha(ui, barrier) * 0.7;
  context.strokeStyle = colours.barrier;
  context.setLineDash([3, 3]);
  context.beginPath();
  context.moveTo(x, 0);
  context.lineTo(x, ui.rows.height);
  context.stroke();
  context.restore();
}

/** isEmphasised says whether an item stands on a highlighted event or is in the shown linearizable prefix. */
function isEmphasised(ui, item) {
  return item.events.some((event) => ui.highlighted.has(event) || ui.prefixOrder.has(event)) || item === ui.pinned;
}

/**
 * itemAlpha fades what the key filter leaves out, unless it is highlighted. While an anomaly is chosen, what
 * touched its key stays bright (a hint or repair of that key may be the cause), and the
 * rest fades a little.
 */
function itemAlpha(ui, item) {
  if (isEmphasised(ui, item)) return 1;
  if (ui.keyFilter !== null && item.key !== undefined && item.key !== ui.keyFilter) return 0.12;
  if (ui.keyFilter !== null && item.kind === "span" && item.span === "anti-entropy") return 0.25;
  if (ui.highlighted.size === 0) return 1;
  if (ui.focusKey !== null && item.key === ui.focusKey) return 1;
  return item.key === undefined ? 0.6 : 0.3;
}
