// draw-items.js: how each kind of item looks. Operations are bars coloured by outcome (an
// open-ended one trails a dashed line to the end of the history); a node down is a hatched
// block; a partition a band, with each node's side as a coloured strip along its lane;
// an anti-entropy round a thin bar along the top of each lane it ran on; one-moment
// cluster events are small symbols.

/** itemBox is where an item is drawn, in canvas pixels: marks are a small square around their moment. */
function itemBox(ui, item) {
  const top = ui.rows.tops[item.lane];
  const x0 = xOfTicks(ui.view, ui.width, item.startTicks);
  if (item.kind === "mark") return { x: x0 - 6, y: top + laneHeight / 2 - 6, width: 12, height: 12 };
  const x1 = Math.max(x0 + 2, xOfTicks(ui.view, ui.width, item.endTicks));
  if (item.kind === "operation") return { x: x0, y: top + (laneHeight - barHeight) / 2, width: x1 - x0, height: barHeight };
  if (item.span === "anti-entropy") return { x: x0, y: top + 1, width: x1 - x0, height: 4 };
  if (item.span === "partition-side") return { x: x0, y: top + laneHeight - 5, width: x1 - x0, height: 4 };
  return { x: x0, y: top + 2, width: x1 - x0, height: laneHeight - 4 };
}

/**
 * drawItem draws one item and says whether it did. `last` is the pixel and colour last
 * drawn in this lane: a narrow item that would cover it again is skipped, which is what
 * keeps a zoomed-out view of 10^5 events fast.
 */
function drawItem(context, ui, item, last) {
  const box = itemBox(ui, item);
  const colour = itemColour(item);
  if (box.width < 2.5 && item.kind !== "span") {
    const pixel = Math.round(box.x);
    if (pixel === last.pixel && colour === last.colour) return false;
    last.pixel = pixel;
    last.colour = colour;
  }
  context.globalAlpha = itemAlpha(ui, item);
  if (item.kind === "operation") drawOperation(context, ui, item, box, colour);
  else if (item.kind === "span") drawSpan(context, item, box, colour);
  else drawMark(context, ui, item, box, colour);
  context.globalAlpha = 1;
  return true;
}

function drawOperation(context, ui, item, box, colour) {
  if (item.openEnded) {
    const end = xOfTicks(ui.view, ui.width, ui.report.data.timeline.endTicks);
    context.strokeStyle = colour;
    context.lineWidth = 1.5;
    context.setLineDash([4, 4]);
    context.beginPath();
    context.moveTo(box.x + box.width, box.y + box.height - 2);
    context.lineTo(Math.max(end, box.x + box.width), box.y + box.height - 2);
    context.stroke();
    context.setLineDash([]);
  }
  context.fillStyle = colour;
  if (box.width > 6) {
    context.beginPath();
    context.roundRect(box.x, box.y, box.width, box.height, 3);
    context.fill();
  } else {
    context.fillRect(box.x, box.y, box.width, box.height);
  }
  if (box.width > 28) fitText(context, item.label, box.x + 5, box.y + box.height / 2, box.width - 8, "#ffffff");
}

function drawSpan(context, item, box, colour) {
  context.fillStyle = colour;
  if (item.span === "down") {
    context.globalAlpha *= 0.3;
    context.fillRect(box.x, box.y, box.width, box.height);
    context.globalAlpha /= 0.3;
    context.strokeStyle = colour;
    context.lineWidth = 1;
    context.save();
    context.beginPath();
    context.rect(box.x, box.y, box.width, box.height);
    context.clip();
    context.beginPath();
    for (let x = box.x - box.height; x < box.x + box.width; x += 7) {
      context.moveTo(x, box.y + box.height);
      context.lineTo(x + box.height, box.y);
    }
    context.stroke();
    context.restore();
  } else if (item.span === "partition") {
    context.globalAlpha *= 0.18;
    context.fillRect(box.x, box.y, box.width, box.height);
    context.globalAlpha /= 0.18;
    context.fillRect(box.x, box.y, box.width, 2);
    context.fillRect(box.x, box.y + box.height - 2, box.width, 2);
  } else {
    context.fillRect(box.x, box.y, box.width, box.height);
  }
  if (item.span === "down" || item.span === "partition") {
    fitText(context, item.label, Math.max(box.x, gutterWidth) + 5, box.y + box.height / 2, box.x + box.width - Math.max(box.x, gutterWidth) - 8, colours.text);
  }
}

function drawMark(context, ui, item, box, colour) {
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (item.fromLane !== undefined) {
    context.strokeStyle = colour;
    context.lineWidth = 1;
    context.globalAlpha *= 0.45;
    context.beginPath();
    context.moveTo(x, ui.rows.tops[item.fromLane] + laneHeight / 2);
    context.lineTo(x, y);
    context.stroke();
    context.globalAlpha /= 0.45;
  }
  context.fillStyle = colour;
  context.strokeStyle = colour;
  context.lineWidth = 2;
  markSymbol(context, item.mark, x, y);
  if (item.mark === "clock-skew") fitText(context, item.label.replace(/^clock /, ""), x + 7, y, 80, colour);
}

/** markSymbol draws the symbol of a one-moment event, centred on (x, y). */
function markSymbol(context, mark, x, y) {
  context.beginPath();
  switch (mark) {
    case "hint-stored":
      context.moveTo(x, y - 5); context.lineTo(x + 5, y + 4); context.lineTo(x - 5, y + 4); context.closePath(); context.fill();
      break;
    case "hint-delivered":
      context.arc(x, y, 4, 0, 2 * Math.PI); context.fill();
      break;
    case "hint-expired":
      context.moveTo(x - 4, y - 4); context.lineTo(x + 4, y + 4); context.moveTo(x + 4, y - 4); context.lineTo(x - 4, y + 4); context.stroke();
      break;
    case "repair-write":
      context.fillRect(x - 3.5, y - 3.5, 7, 7);
      break;
    case "gc-purge":
    case "clock-skew":
      context.moveTo(x, y - 5); context.lineTo(x + 5, y); context.lineTo(x, y + 5); context.lineTo(x - 5, y); context.closePath(); context.fill();
      break;
    case "node-repaired":
      context.moveTo(x - 4, y); context.lineTo(x - 1, y + 4); context.lineTo(x + 5, y - 4); context.stroke();
      break;
    case "barrier":
    default:
      // A flag on a pole: the barrier's line across every lane is drawn apart (draw.js).
      context.moveTo(x, y - 7); context.lineTo(x, y + 7); context.lineTo(x + 6, y - 4); context.lineTo(x, y - 4); context.stroke(); context.fill();
  }
}

/** drawEmphasis rings a highlighted item and writes its label above it, whatever the zoom. */
function drawEmphasis(context, ui, item) {
  const box = itemBox(ui, item);
  const order = orderInPrefix(ui, item);
  const highlighted = item === ui.pinned || item.events.some((event) => ui.highlighted.has(event));
  context.save();
  context.strokeStyle = highlighted ? colours.highlight : colours.prefix;
  context.lineWidth = 2.5;
  if (!highlighted) context.setLineDash([4, 2]);
  context.shadowColor = context.strokeStyle;
  context.shadowBlur = highlighted ? 8 : 0;
  context.beginPath();
  context.roundRect(box.x - 3, box.y - 3, box.width + 6, box.height + 6, 4);
  context.stroke();
  context.restore();
  if (order !== undefined) badge(context, String(order), box.x - 4, box.y - 3, colours.prefix);
  const labelled = item.kind === "operation" || (item.kind === "span" && item.span === "down");
  const labelInside = labelled && box.width > context.measureText(item.label).width + 10;
  if (highlighted && !labelInside && (item.kind !== "span" || item.span === "down")) pill(context, item.label, box.x, box.y - 1, ui.width);
}

/** orderInPrefix is an operation's place (1-based) in the shown linearizable prefix, if it has one. */
function orderInPrefix(ui, item) {
  return item.kind === "operation" ? ui.prefixOrder.get(item.events[0]) : undefined;
}

function badge(context, text, x, y, colour) {
  context.fillStyle = colour;
  context.beginPath();
  context.arc(x, y, 8, 0, 2 * Math.PI);
  context.fill();
  context.fillStyle = "#ffffff";
  context.textAlign = "center";
  context.fillText(text, x, y + 0.5);
  context.textAlign = "left";
}

/** pill writes a label on a white rounded background just above (x, y), kept inside the plot left of `right`. */
function pill(context, text, x, y, right) {
  const width = Math.min(context.measureText(text).width, 320) + 10;
  const left = Math.max(gutterWidth + 2, Math.min(x, right - width - 4));
  context.fillStyle = "rgba(255, 255, 255, 0.94)";
  context.strokeStyle = colours.highlight;
  context.lineWidth = 1;
  context.beginPath();
  context.roundRect(left, y - 17, width, 16, 4);
  context.fill();
  context.stroke();
  fitText(context, text, left + 5, y - 9, width - 8, colours.highlight);
}

/** fitText writes text that stops, with an ellipsis, at `maxWidth` pixels. */
function fitText(context, text, x, y, maxWidth, colour) {
  if (maxWidth < 10) return;
  context.fillStyle = colour;
  if (context.measureText(text).width <= maxWidth) {
    context.fillText(text, x, y);
    return;
  }
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (context.measureText(`${text.slice(0, middle)}…`).width <= maxWidth) low = middle;
    else high = middle - 1;
  }
  if (low > 0) context.fillText(`${text.slice(0, low)}…`, x, y);
}
