// view.js: the visible time range and how zooming and panning change it. Times are ticks;
// the range never gets narrower than a couple of ticks, nor wider than the history plus a
// margin, so the user cannot lose the history off screen.

/** createView starts at the whole history. */
function createView(startTicks, endTicks) {
  const view = { fullStart: startTicks, fullEnd: endTicks, start: startTicks, end: endTicks };
  showWhole(view);
  return view;
}

/** showWhole shows the whole history with a small margin either side. */
function showWhole(view) {
  const margin = (view.fullEnd - view.fullStart) * 0.02;
  setRange(view, view.fullStart - margin, view.fullEnd + margin);
}

/** setRange shows [start, end], kept within the allowed zoom and position. */
function setRange(view, start, end) {
  const fullSpan = view.fullEnd - view.fullStart;
  const maxSpan = fullSpan * 1.2;
  const minSpan = Math.min(2, fullSpan);
  let span = Math.min(maxSpan, Math.max(minSpan, end - start));
  const middle = (start + end) / 2;
  start = middle - span / 2;
  // Keep at least part of the history in sight.
  const lowest = view.fullStart - fullSpan * 0.1;
  const highest = view.fullEnd + fullSpan * 0.1 - span;
  view.start = Math.min(Math.max(start, lowest), Math.max(lowest, highest));
  view.end = view.start + span;
}

/** zoomAround zooms by `factor` (below 1 zooms in) keeping the tick `anchor` under the pointer. */
function zoomAround(view, anchor, factor) {
  setRange(view, anchor - (anchor - view.start) * factor, anchor + (view.end - anchor) * factor);
}

/** panBy moves the range by `ticks` (positive: later). */
function panBy(view, ticks) {
  setRange(view, view.start + ticks, view.end + ticks);
}

/** showTimes frames a set of moments, with room either side so their context shows too. */
function showTimes(view, times) {
  if (times.length === 0) return;
  let first = Infinity;
  let last = -Infinity;
  for (const time of times) {
    first = Math.min(first, time);
    last = Math.max(last, time);
  }
  const padding = Math.max(3, (last - first) * 0.15);
  setRange(view, first - padding, last + padding);
}
