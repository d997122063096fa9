// Debian's Chromium for the report's browser tests, driven by playwright-core without a
// browser download. Missing Chromium skips those tests with one printed line, unless
// LAZARUS_BROWSER_REQUIRED=1 (as CI sets it), when they must run and so fail.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** chromiumPath is where Debian's `chromium` package puts the browser. */
export const chromiumPath = "/usr/bin/chromium";

/** skipWithoutChromium says whether to skip; when it does, it prints why, once. */
export function skipWithoutChromium(what: string): boolean {
  if (existsSync(chromiumPath) || process.env.LAZARUS_BROWSER_REQUIRED === "1") return false;
  console.log(`skipping ${what}: ${chromiumPath} is missing (apt-get install chromium; LAZARUS_BROWSER_REQUIRED=1 makes this a failure)`);
  return true;
}

/** launchChromium starts a headless Chromium that makes no network calls of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
