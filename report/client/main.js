// main.js: starts the page: reads the data, lays out the lanes, draws, and wires the panel,
// the key filter and the pointer. Redraws are batched to one per animation frame.

/** startReport brings the page to life once the document is parsed. */
function startReport() {
  const report = loadReport();
  const { startTicks, endTicks } = report.data.timeline;
  const scroller = document.getElementById("lanes-scroller");
  const ui = {
    report,
    view: createView(startTicks, endTicks),
    rows: layoutRows(report.lanes),
    width: Math.max(scroller.clientWidth, gutterWidth + 100),
    highlighted: new Set(),
    prefixOrder: new Map(),
    keyFilter: null,
    focusKey: null,
    pinned: null,
    lanesCanvas: document.getElementById("lanes"),
    axisCanvas: document.getElementById("axis"),
    lastFrame: null,
  };
  let scheduled = false;
  ui.redraw = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      drawFrame(ui);
    });
  };
  const choose = (events, prefix, key) => {
    ui.highlighted = new Set(events);
    ui.focusKey = key === undefined ? null : key;
    ui.prefixOrder = new Map(prefix === undefined ? [] : prefix.operations.map((op, i) => [op.events[0], i + 1]));
    // A linearizable prefix is the context of its anomaly: frame both.
    const framed = prefix === undefined ? events : [...events, ...prefix.operations.flatMap((op) => op.events)];
    showTimes(ui.view, framed.map((index) => eventTicks(report, index)));
    scrollToLanes(ui, scroller, events);
    ui.redraw();
  };
  const setKeyFilter = (key) => {
    ui.keyFilter = report.data.keys.includes(key) ? key : null;
    renderKeyStory(ui);
    ui.redraw();
  };
  renderSummary(report);
  renderLegend();
  renderPanel(ui, choose);
  wireKeyFilter(report.data.keys, setKeyFilter);
  document.getElementById("reset-view").addEventListener("click", () => {
    showWhole(ui.view);
    ui.redraw();
  });
  document.getElementById("status").textContent = "Wheel: zoom · drag: pan · shift+wheel or ← →: scroll in time · 0: whole history · hover: an event's JSON · click: pin it";
  attachPointer(ui, ui.redraw, (item) => pinItem(ui, item));
  new ResizeObserver(() => {
    ui.width = Math.max(scroller.clientWidth, gutterWidth + 100);
    drawFrame(ui);
  }).observe(scroller);
  drawFrame(ui);
  exposeHooks(ui, setKeyFilter);
}

/** scrollToLanes brings the first lane holding a chosen event into view, when the lanes overflow the pane. */
function scrollToLanes(ui, scroller, events) {
  let first = Infinity;
  for (const index of events) for (const item of ui.report.itemsOfEvent.get(index) || []) first = Math.min(first, item.lane);
  if (first === Infinity) return;
  const top = ui.rows.tops[first];
  if (top < scroller.scrollTop || top + laneHeight > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = Math.max(0, top - 20);
}

/** wireKeyFilter offers every key in the filter's list and applies the one typed or picked. */
function wireKeyFilter(keys, setKeyFilter) {
  const list = document.getElementById("key-list");
  for (const key of keys.slice(0, 5000)) {
    const option = document.createElement("option");
    option.value = key;
    list.append(option);
  }
  const input = document.getElementById("key-filter");
  input.addEventListener("input", () => setKeyFilter(input.value));
}

startReport();
