// The EDN importers' fast path for a line that holds one flat map, as nearly every line
// of a Jepsen or Porcupine history does: {:process 0, :type :invoke, :f :read, :value nil}.
// It reads keyword keys whose values are keywords, strings, safe integers, nil, true or
// false, and gives up on anything else (nesting, floats, symbols, tags, rare escapes), so
// edn-data, loaded only then, reads that line. What it returns is what edn-data returns for
// the same text with ednRecords' options (test/histories/import/flat-edn-map.property.test.ts).

/** FlatEdnMap is a parsed flat map: keyword names to their values, keywords as names without the colon. */
export type FlatEdnMap = Record<string, string | number | boolean | null>;

/**
 * readFlatEdnLine returns the map when `text` is whitespace or commas, one flat map, then
 * whitespace or commas; otherwise undefined, and the line takes the full way.
 */
export function readFlatEdnLine(text: string): FlatEdnMap | undefined {
  const scan = new FlatScan(text);
  scan.skipSeparators();
  if (!scan.take(0x7b /* { */)) return undefined;
  const map: FlatEdnMap = {};
  for (;;) {
    scan.skipSeparators();
    if (scan.take(0x7d /* } */)) break;
    const key = scan.keyword();
    if (key === undefined || !isPlainKey(key)) return undefined;
    scan.skipSeparators();
    const value = scan.value();
    if (value === undefined) return undefined;
    map[key] = value;
  }
  scan.skipSeparators();
  return scan.atEnd() ? map : undefined;
}

/** isPlainKey: a key an object literal holds as an own property; __proto__ and friends take edn-data's way. */
function isPlainKey(key: string): boolean {
  return key !== "__proto__" && key !== "constructor" && key !== "prototype";
}

const keywordPattern = /[A-Za-z][A-Za-z0-9_\-.?!*]*/y;
const integerPattern = /-?(?:0|[1-9][0-9]*)/y;
const plainStringPattern = /[^"\\]*/y;

/** FlatScan walks one line; a reader returns undefined when the text is not what it reads, and the line is then given up. */
class FlatScan {
  private at = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at === this.text.length;
  }

  /** skipSeparators passes spaces, tabs and commas, which EDN counts as whitespace. */
  skipSeparators(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (c !== 0x20 && c !== 0x2c && c !== 0x09 && c !== 0x0d) return;
      this.at++;
    }
  }

  take(code: number): boolean {
    if (this.text.charCodeAt(this.at) !== code) return false;
    this.at++;
    return true;
  }

  /** keyword reads :name (no namespace, which edn-data spells its own way) and returns the name. */
  keyword(): string | undefined {
    if (!this.take(0x3a /* : */)) return undefined;
    const name = this.match(keywordPattern);
    return name !== "" && this.atDelimiter() ? name : undefined;
  }

  value(): string | number | boolean | null | undefined {
    const c = this.text.charCodeAt(this.at);
    if (c === 0x3a /* : */) return this.keyword();
    if (c === 0x22 /* " */) return this.string();
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) return this.integer();
    for (const [word, value] of literals) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return this.atDelimiter() ? value : undefined;
      }
    }
    return undefined;
  }

  /** integer reads a safe integer; a bigger one keeps its digits on edn-data's way (as a BigInt). */
  private integer(): number | undefined {
    const digits = this.match(integerPattern);
    if (digits === "" || !this.atDelimiter()) return undefined;
    const value = Number(digits);
    return Number.isSafeInteger(value) ? value : undefined;
  }

  /** string reads "..." with the escapes \" \\ \n \t \r; any other escape takes edn-data's way. */
  private string(): string | undefined {
    this.at++;
    let value = "";
    for (;;) {
      value += this.match(plainStringPattern);
      const c = this.text.charCodeAt(this.at);
      if (c === 0x22 /* " */) {
        this.at++;
        return this.atDelimiter() ? value : undefined;
      }
      if (c !== 0x5c /* \ */) return undefined; // the line ended inside the string
      const escaped = escapes.get(this.text[this.at + 1] ?? "");
      if (escaped === undefined) return undefined;
      value += escaped;
      this.at += 2;
    }
  }

  /** atDelimiter: a token ends at whitespace, a comma, the map's end or the line's end. */
  private atDelimiter(): boolean {
    const c = this.text.charCodeAt(this.at);
    return Number.isNaN(c) || c === 0x20 || c === 0x2c || c === 0x09 || c === 0x0d || c === 0x7d;
  }

  /** match reads what the sticky `pattern` matches here: "" when it matches nothing. */
  private match(pattern: RegExp): string {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text)?.[0] ?? "";
    this.at += found.length;
    return found;
  }
}

const literals: ReadonlyArray<readonly [string, boolean | null]> = [
  ["nil", null],
  ["true", true],
  ["false", false],
];

const escapes = new Map([
  ['"', '"'],
  ["\\", "\\"],
  ["n", "\n"],
  ["t", "\t"],
  ["r", "\r"],
]);
