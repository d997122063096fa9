// hooks.js: a small window.__lazarusReport object through which tests (and a curious user's
// console) ask the page what it shows: the highlighted events, the visible time range,
// where an event is drawn, and how long the last frame took.

/** exposeHooks publishes the page's state for tests; nothing in the page reads it. */
function exposeHooks(ui, setKeyFilter) {
  window.__lazarusReport = {
    ready: true,
    highlightedEvents: () => [...ui.highlighted].sort((a, b) => a - b),
    visibleRange: () => ({ startTicks: ui.view.start, endTicks: ui.view.end }),
    eventTicks: (index) => eventTicks(ui.report, index),
    /** eventBox: where the first item standing on event `index` is drawn, in viewport pixels, or null when it is off screen. */
    eventBox: (index) => {
      const item = (ui.report.itemsOfEvent.get(index) || [])[0];
      if (item === undefined) return null;
      const box = itemBox(ui, item);
      const rect = ui.lanesCanvas.getBoundingClientRect();
      if (box.x + box.width < gutterWidth || box.x > ui.width) return null;
      return { x: rect.left + box.x, y: rect.top + box.y, width: box.width, height: box.height };
    },
    filterKey: (key) => setKeyFilter(key),
    /** drawNow draws a frame at once and says how many items it drew and in how many milliseconds. */
    drawNow: () => {
      drawFrame(ui);
      return ui.lastFrame;
    },
    lastFrame: () => ui.lastFrame,
  };
}
