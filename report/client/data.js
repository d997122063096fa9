// data.js: reads the report's embedded JSON and indexes it for drawing. Items are kept per
// lane in start order; in each lane the long ones (conditions, open-ended ops) are listed
// apart, so that the short ones can be culled by a binary search on their start.

/** loadReport parses the embedded data and builds the indexes every other file reads. */
function loadReport() {
  const data = JSON.parse(document.getElementById("report-data").textContent);
  const { lanes, items, startTicks, endTicks } = data.timeline;
  const longTicks = (endTicks - startTicks) / 40;
  const shortItems = lanes.map(() => []);
  const longItems = lanes.map(() => []);
  const longestShortTicks = lanes.map(() => 0);
  const itemsOfEvent = new Map();
  for (const item of items) {
    const duration = itemEndTicks(item) - item.startTicks;
    if (item.openEnded || duration > longTicks) longItems[item.lane].push(item);
    else {
      shortItems[item.lane].push(item);
      longestShortTicks[item.lane] = Math.max(longestShortTicks[item.lane], duration);
    }
    for (const event of item.events) {
      const list = itemsOfEvent.get(event);
      if (list === undefined) itemsOfEvent.set(event, [item]);
      else list.push(item);
    }
  }
  const barriers = items.filter((item) => item.kind === "mark" && item.mark === "barrier");
  return { data, lanes, shortItems, longItems, longestShortTicks, itemsOfEvent, barriers };
}

/** itemEndTicks is where an item ends on the axis: a mark is a moment, an open-ended one runs to the history's end. */
function itemEndTicks(item) {
  return item.kind === "mark" ? item.startTicks : item.endTicks;
}

/** firstStartingAtOrAfter is the index of the first item in `list` (sorted by start) starting at or after `ticks`. */
function firstStartingAtOrAfter(list, ticks) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].startTicks < ticks) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** visibleItems calls `visit` for each item of a lane that overlaps [fromTicks, toTicks]. */
function visibleItems(report, lane, fromTicks, toTicks, visit) {
  for (const item of report.longItems[lane]) {
    const end = item.openEnded && item.kind === "operation" ? report.data.timeline.endTicks : itemEndTicks(item);
    if (item.startTicks <= toTicks && end >= fromTicks) visit(item);
  }
  const list = report.shortItems[lane];
  for (let i = firstStartingAtOrAfter(list, fromTicks - report.longestShortTicks[lane]); i < list.length; i++) {
    const item = list[i];
    if (item.startTicks > toTicks) break;
    if (itemEndTicks(item) >= fromTicks) visit(item);
  }
}

/** eventTicks is when event `index` happened, on the axis. */
function eventTicks(report, index) {
  const event = report.data.events[index];
  return event === undefined ? undefined : event.time;
}
