// pointer.js: the mouse and keyboard on the timeline. The wheel zooms around the pointer
// (a sideways wheel or shift+wheel pans), a drag pans, hovering shows the event's JSON,
// and a click pins it in the side panel. Keys: + and - zoom, arrows pan, 0 shows all.

/** itemAt finds what is drawn under a point of the lanes canvas: a symbol first, then a bar, then a condition. */
function itemAt(ui, x, y) {
  const lane = laneAt(ui.rows, y);
  if (lane < 0 || x < gutterWidth) return null;
  const slackTicks = (6 * (ui.view.end - ui.view.start)) / (ui.width - gutterWidth);
  const t = ticksOfX(ui.view, ui.width, x);
  const found = [];
  visibleItems(ui.report, lane, t - slackTicks, t + slackTicks, (item) => {
    const box = itemBox(ui, item);
    const slack = box.width < 6 ? 3 : 0;
    if (x >= box.x - slack && x <= box.x + box.width + slack && y >= box.y - 3 && y <= box.y + box.height + 3) found.push(item);
  });
  const rank = (item) => (item.kind === "mark" ? 0 : item.kind === "operation" ? 1 : 2);
  found.sort((a, b) => rank(a) - rank(b) || Math.abs(itemBox(ui, a).x - x) - Math.abs(itemBox(ui, b).x - x));
  return found[0] || null;
}

/** attachPointer wires the timeline's mouse, wheel and keyboard handling. */
function attachPointer(ui, redraw, pin) {
  const canvas = ui.lanesCanvas;
  const local = (event) => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };
  let drag = null;
  canvas.addEventListener("wheel", (event) => {
    event.preventDefault();
    const { x } = local(event);
    const ticksPerPixel = (ui.view.end - ui.view.start) / (ui.width - gutterWidth);
    if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) panBy(ui.view, (event.deltaX || event.deltaY) * ticksPerPixel);
    else zoomAround(ui.view, ticksOfX(ui.view, ui.width, Math.max(x, gutterWidth)), Math.exp(event.deltaY * 0.0015));
    redraw();
  }, { passive: false });
  canvas.addEventListener("mousedown", (event) => {
    drag = { x: event.clientX, start: ui.view.start, end: ui.view.end, moved: false };
  });
  window.addEventListener("mousemove", (event) => {
    if (drag !== null) {
      const dx = event.clientX - drag.x;
      if (Math.abs(dx) > 3) drag.moved = true;
      if (drag.moved) {
        const ticksPerPixel = (drag.end - drag.start) / (ui.width - gutterWidth);
        setRange(ui.view, drag.start - dx * ticksPerPixel, drag.end - dx * ticksPerPixel);
        canvas.style.cursor = "grabbing";
        hideTooltip();
        redraw();
      }
      return;
    }
    if (event.target !== canvas) return hideTooltip();
    const { x, y } = local(event);
    const item = itemAt(ui, x, y);
    canvas.style.cursor = item === null ? "grab" : "pointer";
    if (item === null) hideTooltip();
    else showTooltip(ui, item, event.clientX, event.clientY);
  });
  window.addEventListener("mouseup", (event) => {
    if (drag !== null && !drag.moved && event.target === canvas) {
      const { x, y } = local(event);
      pin(itemAt(ui, x, y));
    }
    drag = null;
    canvas.style.cursor = "grab";
  });
  canvas.addEventListener("mouseleave", hideTooltip);
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement) return;
    const span = ui.view.end - ui.view.start;
    const middle = (ui.view.start + ui.view.end) / 2;
    const actions = {
      "+": () => zoomAround(ui.view, middle, 0.7),
      "=": () => zoomAround(ui.view, middle, 0.7),
      "-": () => zoomAround(ui.view, middle, 1 / 0.7),
      ArrowLeft: () => panBy(ui.view, -span * 0.2),
      ArrowRight: () => panBy(ui.view, span * 0.2),
      "0": () => showWhole(ui.view),
    };
    const action = actions[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
    redraw();
  });
}

/** showTooltip shows what an item is, when, and the JSON of the events it stands for. */
function showTooltip(ui, item, clientX, clientY) {
  const tooltip = document.getElementById("tooltip");
  tooltip.replaceChildren(...itemDetails(ui, item));
  tooltip.hidden = false;
  const { innerWidth, innerHeight } = window;
  const rect = tooltip.getBoundingClientRect();
  tooltip.style.left = `${Math.min(clientX + 14, innerWidth - rect.width - 8)}px`;
  tooltip.style.top = `${clientY + 16 + rect.height > innerHeight ? Math.max(8, clientY - rect.height - 12) : clientY + 16}px`;
}

function hideTooltip() {
  document.getElementById("tooltip").hidden = true;
}

/** itemDetails is an item's title, its time, and its events as JSON, as DOM nodes (text only, never markup). */
function itemDetails(ui, item) {
  const title = element("div", "tooltip-title", item.label);
  const end = item.kind === "mark" ? "" : item.openEnded ? " … (open)" : ` – ${item.endTicks}`;
  const what = item.kind === "operation" ? `${item.outcome} · ` : "";
  const when = element("div", "tooltip-when", `${what}ticks ${item.startTicks}${end} · ${item.events.length === 1 ? "event" : "events"} ${item.events.join(", ")}`);
  const json = item.events.slice(0, 4).map((index) => element("pre", "tooltip-json", `#${index} ${JSON.stringify(ui.report.data.events[index], null, 1).replace(/\n\s*/g, " ")}`));
  return [title, when, ...json];
}
