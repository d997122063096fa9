// panel.js: the side panel. Anomalies (bugs) and explained anomalies are listed apart;
// choosing one highlights the events it stands on and frames them on the timeline. Below
// them: undecided keys, the linearizable prefixes, the story of the filtered key, and the
// event pinned by a click. Text goes in with textContent only: history strings are data.

const listLimit = 500;

/** renderPanel builds the panel's sections; `choose(events, prefix, key)` highlights events and the key they are about. */
function renderPanel(ui, choose) {
  const { check, prefixes } = ui.report.data;
  const panel = document.getElementById("panel");
  panel.append(
    findingSection("Anomalies", "anomaly", check.anomalies, "Bugs: each one convicts the store. Choose one to see the events it stands on.", ui, choose),
    findingSection("Explained", "explained", check.explained, "Not bugs: a breach of the operator's GC contract, or injected clock skew, accounts for each.", ui, choose),
  );
  if (check.unknown.length > 0) {
    const section = panelSection("Undecided keys", check.unknown.length, "No search decided these within its budget; raise --budget.");
    const list = element("ul", "plain-list");
    for (const undecided of check.unknown.slice(0, listLimit)) list.append(element("li", "", `${undecided.key === null ? "the history" : undecided.key} (${undecided.steps} steps)`));
    section.append(list);
    panel.append(section);
  }
  if (check.level === "linearizable") panel.append(prefixSection(ui, prefixes, choose));
  const story = element("section", "panel-section");
  story.id = "key-story";
  const pinned = element("section", "panel-section");
  pinned.id = "pinned";
  panel.append(story, pinned);
  renderPinned(ui, null);
}

function panelSection(title, count, hint) {
  const section = element("section", "panel-section");
  const heading = element("h2", "", title);
  if (count !== undefined) heading.append(" ", element("span", "count", String(count)));
  section.append(heading);
  if (hint) section.append(element("p", "hint", hint));
  return section;
}

/** findingSection lists anomalies; each item is a button carrying a data-testid for tests. */
function findingSection(title, testId, anomalies, hint, ui, choose) {
  const section = panelSection(title, anomalies.length, anomalies.length === 0 ? (testId === "anomaly" ? "None: the history is allowed at its level." : "None.") : hint);
  const list = element("ol", "finding-list");
  anomalies.slice(0, listLimit).forEach((anomaly, index) => {
    const item = element("li", `finding finding-${testId}`);
    item.dataset.testid = `${testId}-${index}`;
    item.tabIndex = 0;
    item.setAttribute("role", "button");
    const head = element("div", "finding-head");
    head.append(element("span", `kind kind-${anomaly.kind}`, anomaly.kind));
    if (anomaly.key !== undefined) head.append(element("span", "key", anomaly.key));
    head.append(element("span", "event-count", `${anomaly.events.length} ${anomaly.events.length === 1 ? "event" : "events"}`));
    item.append(head, element("div", "message", anomaly.message));
    const activate = () => {
      for (const other of document.querySelectorAll(".finding.selected")) other.classList.remove("selected");
      item.classList.add("selected");
      const list = testId === "anomaly" ? "anomalies" : "explained";
      const prefix = ui.report.data.prefixes.find((p) => p.list === list && p.anomaly === index);
      choose(anomaly.events, prefix, anomaly.key);
      showEvidence(ui, item, anomaly.events, choose);
    };
    item.addEventListener("click", activate);
    item.addEventListener("keydown", (event) => (event.key === "Enter" || event.key === " ") && (event.preventDefault(), activate()));
    list.append(item);
  });
  if (anomalies.length > listLimit) section.append(element("p", "hint", `… and ${anomalies.length - listLimit} more (lazarus check --json lists all).`));
  section.append(list);
  return section;
}

/** showEvidence lists, under a chosen anomaly, each event it stands on; choosing one frames that event. */
function showEvidence(ui, item, events, choose) {
  for (const old of document.querySelectorAll(".evidence")) old.remove();
  const list = element("ol", "evidence");
  for (const index of events) {
    const line = element("li", "", `#${index} · t=${eventTicks(ui.report, index)} · ${eventSummary(ui, index)}`);
    line.addEventListener("click", (event) => {
      event.stopPropagation();
      pinItem(ui, (ui.report.itemsOfEvent.get(index) || [])[0] || null);
      showTimes(ui.view, [eventTicks(ui.report, index)]);
      ui.redraw();
    });
    list.append(line);
  }
  item.append(list);
}

/** eventSummary names an event in a few words: the operation or cluster event it belongs to. */
function eventSummary(ui, index) {
  const event = ui.report.data.events[index];
  const items = ui.report.itemsOfEvent.get(index) || [];
  const operation = items.find((item) => item.kind === "operation");
  if (operation !== undefined) return `${event.kind} of ${operation.label}${event.kind === "complete" ? ` (${event.outcome})` : ""}, process ${event.process}`;
  return items.length > 0 ? items[0].label : event.kind;
}

/** prefixSection shows, per key that does not linearize, the longest order of its operations that does. */
function prefixSection(ui, prefixes, choose) {
  const hint = prefixes.length > 0
    ? "For each key with no linearization, the longest legal order the search found; choose one to number it on the timeline."
    : "The search found a linearization for every key it decided.";
  const section = panelSection("Linearizable prefixes", prefixes.length, hint);
  for (const prefix of prefixes) {
    const anomaly = ui.report.data.check[prefix.list][prefix.anomaly];
    const block = element("div", `prefix prefix-${prefix.list}`);
    block.dataset.testid = `prefix-${prefix.list}-${prefix.anomaly}`;
    const explained = prefix.list === "explained" ? ` (explained: ${anomaly.kind})` : "";
    block.append(element("div", "prefix-head", `${prefix.key === null ? "the history" : prefix.key}: ${prefix.operations.length} of ${prefix.operationsOnKey} operations${explained}`));
    const list = element("ol", "prefix-list");
    for (const op of prefix.operations.slice(0, listLimit)) list.append(element("li", "", op.label));
    block.append(list);
    block.addEventListener("click", () => choose(anomaly.events, prefix, anomaly.key));
    section.append(block);
  }
  return section;
}

/** renderKeyStory lists, in time order, everything that happened to the filtered key. */
function renderKeyStory(ui) {
  const section = document.getElementById("key-story");
  section.replaceChildren();
  if (ui.keyFilter === null) return;
  const story = ui.report.data.timeline.items.filter((item) => item.key === ui.keyFilter);
  section.append(...panelSection(`Key ${ui.keyFilter}`, story.length, "Everything that touched this key, in time order. Choose a line to frame it.").childNodes);
  const list = element("ol", "story");
  for (const item of story.slice(0, listLimit)) {
    const line = element("li", `story-${item.kind === "operation" ? item.outcome : "cluster"}`, `t=${item.startTicks} · ${item.label}${item.kind === "operation" ? ` · ${item.outcome}` : ""}`);
    line.addEventListener("click", () => {
      pinItem(ui, item);
      showTimes(ui.view, [item.startTicks, item.kind === "mark" ? item.startTicks : item.endTicks]);
      ui.redraw();
    });
    list.append(line);
  }
  section.append(list);
  if (story.length > listLimit) section.append(element("p", "hint", `… and ${story.length - listLimit} more.`));
}

/** renderPinned shows the JSON of the item last clicked on the timeline, to read or copy. */
function renderPinned(ui, item) {
  const section = document.getElementById("pinned");
  section.replaceChildren(...panelSection("Event", undefined, item === null ? "Hover over the timeline for an event's JSON; click to pin it here." : "").childNodes);
  if (item !== null) section.append(...itemDetails(ui, item));
}

/** pinItem pins an item (or unpins, with null) and redraws. */
function pinItem(ui, item) {
  ui.pinned = item;
  renderPinned(ui, item);
  ui.redraw();
}
