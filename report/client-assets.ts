// The page's own style and script, kept as plain CSS and browser JavaScript files in
// report/client/ (they run in the browser, not in Node) and inlined into every page so
// that a report needs no network. The script files share one scope, in this order.
import { readFileSync } from "node:fs";

const scriptFiles = ["dom.js", "data.js", "view.js", "geometry.js", "draw.js", "draw-items.js", "pointer.js", "summary.js", "panel.js", "hooks.js", "main.js"] as const;

/** ClientAssets is the inline style and script of a report page. */
export interface ClientAssets {
  style: string;
  script: string;
}

let cached: ClientAssets | undefined;

/** clientAssets reads the page's style and script once per process. */
export function clientAssets(): ClientAssets {
  cached ??= {
    style: readClientFile("style.css"),
    script: `(function () {\n"use strict";\n${scriptFiles.map(readClientFile).join("\n")}\n})();`,
  };
  return cached;
}

function readClientFile(name: string): string {
  const text = readFileSync(new URL(`./client/${name}`, import.meta.url), "utf8");
  // An inline script or style ends at its closing tag: ours must never spell one.
  if (/<\/(script|style)/i.test(text)) throw new Error(`report/client/${name} spells a closing tag (bug)`);
  return text;
}
