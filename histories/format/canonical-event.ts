// The reader's fastest path: an event line exactly as the writer writes it, read straight
// from the file's bytes. A history of 10^6 operations has 2.5 million lines; decoding each
// to a string, JSON.parse and the shape checks of event-shape.ts cost three times what
// this does, and a fraction of the garbage.
//
// It reads only the canonical form: the fields of every object in historyKeyOrder, no
// whitespace, strings of printable ASCII without escapes, numbers as integers of at most
// 15 digits. Anything else (another order, a fraction, an escape, a non-ASCII byte, a
// duplicate or unknown field) makes it give up on the line, which then takes the full way
// (well-formed-event.ts, or json-line.ts and event-line.ts). So every line means what
// JSON.parse and matchEventShape make of it, and every error message stays theirs.
// test/histories/format/event-shape.property.test.ts holds it to that.
import type { CausalContext, CompleteEvent, GetResult, HistoryEvent, InvokeEvent, NodeId, Version } from "../../model/vocabulary.ts";

/** canonicalEventMaxBytes is the longest line tried; longer ones take the full way, which bounds what a line may hold. */
const canonicalEventMaxBytes = 4096;

/**
 * scanCanonicalEvent returns the event on the line `bytes[start, end)` (no newline) when
 * the line is in the writer's canonical form and matchEventShape accepts it, built as
 * matchEventShape builds it (fields in schema order); undefined otherwise. It never says
 * why: the full way words errors.
 */
export function scanCanonicalEvent(bytes: Buffer, start: number, end: number): HistoryEvent | undefined {
  if (end - start > canonicalEventMaxBytes) return undefined;
  scanner.reset(bytes, start, end);
  const event = scanner.event();
  return event !== undefined && scanner.atEnd() ? event : undefined;
}

/** Failed marks a line the scanner gives up on; thrown inside, caught nowhere but event(). */
const failed = Symbol("not canonical");

const enum Byte {
  Quote = 0x22,
  Comma = 0x2c,
  Minus = 0x2d,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  FirstPrintable = 0x20,
  LastPrintable = 0x7e,
}

/**
 * internedLimit bounds the names kept for reuse, and internedMaxBytes their length: a
 * history with more distinct names, or longer ones, only makes more strings, and the
 * names kept stay under 8 MiB whatever a file holds.
 */
const internedLimit = 1 << 16;
const internedMaxBytes = 64;

/**
 * CanonicalScanner walks one line. Its methods read one token each at `at` and move past
 * it, or throw `failed`. Names (kinds, node ids, keys, errors) repeat across millions of
 * lines and are interned; values are unique and are not.
 */
class CanonicalScanner {
  private bytes: Buffer = Buffer.alloc(0);
  private at = 0;
  private end = 0;
  /** first: the next field is its object's first, so no "," comes before it. */
  private first = false;
  private readonly names = new Map<number, string>();

  reset(bytes: Buffer, start: number, end: number): void {
    this.bytes = bytes;
    this.at = start;
    this.end = end;
  }

  atEnd(): boolean {
    return this.at === this.end;
  }

  event(): HistoryEvent | undefined {
    try {
      this.open();
      return this.eventOfKind(this.fieldName("kind"));
    } catch (cause) {
      if (cause === failed) return undefined;
      throw cause;
    }
  }

  private eventOfKind(kind: string): HistoryEvent {
    switch (kind) {
      case "invoke":
        return this.invoke();
      case "complete":
        return this.complete();
      case "crash":
      case "restart":
      case "node-repaired": {
        const time = this.time("time");
        const node = this.nodeId("node");
        this.close();
        return { kind, time, node };
      }
      case "partition": {
        const time = this.time("time");
        this.field("groups");
        const groups = this.nodeIdGroups();
        this.close();
        return { kind, time, groups };
      }
      case "heal":
      case "barrier": {
        const time = this.time("time");
        this.close();
        return { kind, time };
      }
      case "clock-skew": {
        const time = this.time("time");
        const node = this.nodeId("node");
        this.field("offsetTicks");
        const offsetTicks = this.integer();
        this.close();
        return { kind, time, node, offsetTicks };
      }
      case "hint-stored":
      case "hint-delivered":
      case "hint-expired":
        return this.hint(kind);
      case "repair-write":
        return this.repairWrite();
      case "gc-purge":
        return this.gcPurge();
      case "anti-entropy-round":
        return this.antiEntropyRound();
      default:
        throw failed;
    }
  }

  private invoke(): HistoryEvent {
    const event = this.operationStart("invoke") as InvokeEvent;
    if (this.optional("value")) event.value = this.string();
    if (this.optional("tombstone")) event.tombstone = this.string();
    if (this.optional("context")) event.context = this.causalContext();
    this.close();
    return event;
  }

  private complete(): HistoryEvent {
    const event = this.operationStart("complete") as CompleteEvent;
    const outcome = this.fieldName("outcome");
    if (outcome !== "ok" && outcome !== "fail" && outcome !== "info") throw failed;
    event.outcome = outcome;
    // The line holds result, version, error (historyKeyOrder); the event is built result, error, version (schema order).
    const result = this.optional("result") ? this.getResult() : undefined;
    const version = this.optional("version") ? this.version() : undefined;
    if (result !== undefined) event.result = result;
    if (this.optional("error")) event.error = this.name();
    if (version !== undefined) event.version = version;
    this.close();
    return event;
  }

  /** operationStart reads the fields an invoke and a complete begin with. */
  private operationStart(kind: "invoke" | "complete"): Pick<InvokeEvent | CompleteEvent, "time" | "process" | "op" | "key"> & { kind: string } {
    const time = this.time("time");
    const process = this.time("process");
    const op = this.fieldName("op");
    if (op !== "put" && op !== "get" && op !== "delete") throw failed;
    return { kind, time, process, op, key: this.fieldName("key") };
  }

  private hint(kind: "hint-stored" | "hint-delivered" | "hint-expired"): HistoryEvent {
    const time = this.time("time");
    const holder = this.nodeId("holder");
    const target = this.nodeId("target");
    const storedAt = kind === "hint-stored" ? undefined : this.time("storedAt");
    const event = this.replicaWrite({ kind, time, holder, target }) as Extract<HistoryEvent, { kind: "hint-delivered" }>;
    // matchEventShape puts storedAt after the replica write's fields, where schema.ts lists it.
    if (storedAt !== undefined) event.storedAt = storedAt;
    return event;
  }

  private repairWrite(): HistoryEvent {
    const time = this.time("time");
    const node = this.nodeId("node");
    const source = this.fieldName("source");
    if (source !== "read-repair" && source !== "anti-entropy") throw failed;
    return this.replicaWrite({ kind: "repair-write", time, node, source });
  }

  /** replicaWrite reads what a hint or a repair carried, from "key" to the line's end, onto `event` in schema order. */
  private replicaWrite(start: { kind: string; time: number; [field: string]: unknown }): HistoryEvent {
    // The caller read the kind's own fields into `start`; this completes the event.
    const write = start as unknown as Extract<HistoryEvent, { kind: "repair-write" }>;
    write.key = this.fieldName("key");
    const value = this.optional("value") ? this.string() : undefined;
    write.tombstone = this.boolean("tombstone");
    if (value !== undefined) write.value = value;
    if (this.optional("version")) write.version = this.version();
    this.close();
    return write;
  }

  private gcPurge(): HistoryEvent {
    const time = this.time("time");
    const node = this.nodeId("node");
    const deletedAt = this.time("deletedAt");
    const replicas = this.optional("replicas") ? this.nodeIds() : undefined;
    const key = this.fieldName("key");
    const event: Extract<HistoryEvent, { kind: "gc-purge" }> = { kind: "gc-purge", time, node, key, deletedAt };
    if (this.optional("version")) event.version = this.version();
    if (replicas !== undefined) event.replicas = replicas;
    this.close();
    return event;
  }

  private antiEntropyRound(): HistoryEvent {
    const time = this.time("time");
    const startedAt = this.time("startedAt");
    const full = this.boolean("full");
    const complete = this.boolean("complete");
    this.field("nodes");
    const nodes = this.nodeIds();
    const event: Extract<HistoryEvent, { kind: "anti-entropy-round" }> = { kind: "anti-entropy-round", time, full, complete, nodes, startedAt };
    if (this.optional("syncedReplicaSets")) event.syncedReplicaSets = this.nodeIdGroups();
    this.close();
    return event;
  }

  private version(): Version {
    this.open();
    const kind = this.fieldName("kind");
    if (kind === "lww") {
      const node = this.nodeId("node");
      this.field("timestamp");
      const timestamp = this.integer();
      this.close();
      return { kind, timestamp, node };
    }
    if (kind !== "vector") throw failed;
    this.field("entries");
    const entries: Array<[NodeId, number]> = [];
    this.list(() => {
      this.expect(Byte.OpenBracket);
      const node = this.nonEmptyName();
      this.expect(Byte.Comma);
      const count = this.natural();
      this.expect(Byte.CloseBracket);
      entries.push([node, count]);
    });
    this.close();
    return { kind, entries };
  }

  private getResult(): GetResult {
    this.open();
    const kind = this.fieldName("kind");
    let result: GetResult;
    if (kind === "value") {
      this.field("value");
      result = { kind, value: this.string() };
    } else if (kind === "absent") {
      const reason = this.fieldName("reason");
      if (reason !== "never-written" && reason !== "deleted") throw failed;
      result = { kind, reason };
    } else if (kind === "siblings") {
      this.field("values");
      const values = this.strings();
      this.field("tombstones");
      result = { kind, values, tombstones: this.strings() };
    } else {
      throw failed;
    }
    this.close();
    return result;
  }

  private causalContext(): CausalContext {
    this.open();
    this.field("values");
    const values = this.strings();
    this.field("tombstones");
    const tombstones = this.strings();
    this.close();
    return { values, tombstones };
  }

  // Fields. An object's first field follows "{" (open); every later one follows ",".

  /** open reads "{" and notes that the next field is the object's first. */
  private open(): void {
    this.expect(Byte.OpenBrace);
    this.first = true;
  }

  /** close reads "}"; the object's fields are done. */
  private close(): void {
    this.expect(Byte.CloseBrace);
    this.first = false;
  }

  /** field reads `,"name":` (or `"name":` as an object's first field). */
  private field(name: string): void {
    if (!this.optional(name)) throw failed;
  }

  /** optional reads `,"name":` when the line has that field next, and says whether it did. */
  private optional(name: string): boolean {
    const bytes = this.bytes;
    let at = this.first ? this.at : this.at + 1;
    const length = name.length;
    if (at + length + 3 > this.end) return false;
    if (!this.first && bytes[this.at] !== Byte.Comma) return false;
    if (bytes[at] !== Byte.Quote) return false;
    at++;
    for (let i = 0; i < length; i++) if (bytes[at + i] !== name.charCodeAt(i)) return false;
    at += length;
    if (bytes[at] !== Byte.Quote || bytes[at + 1] !== Byte.Colon) return false;
    this.at = at + 2;
    this.first = false;
    return true;
  }

  private fieldName(name: string): string {
    this.field(name);
    return this.name();
  }

  private nodeId(name: string): NodeId {
    this.field(name);
    return this.nonEmptyName();
  }

  /** time reads a field of ticks or a count: what is not a natural number is left to the full way. */
  private time(name: string): number {
    this.field(name);
    return this.natural();
  }

  private boolean(name: string): boolean {
    this.field(name);
    const bytes = this.bytes;
    const at = this.at;
    const left = this.end - at;
    // "true" and "false", byte by byte.
    if (left >= 4 && bytes[at] === 0x74 && bytes[at + 1] === 0x72 && bytes[at + 2] === 0x75 && bytes[at + 3] === 0x65) {
      this.at = at + 4;
      return true;
    }
    if (left >= 5 && bytes[at] === 0x66 && bytes[at + 1] === 0x61 && bytes[at + 2] === 0x6c && bytes[at + 3] === 0x73 && bytes[at + 4] === 0x65) {
      this.at = at + 5;
      return false;
    }
    throw failed;
  }

  // Values.

  private expect(byte: number): void {
    if (this.peek() !== byte) throw failed;
    this.at++;
  }

  /** peek is the byte at `at`, or -1 past the line's end. */
  private peek(): number {
    return this.at < this.end ? this.bytes[this.at]! : -1;
  }

  /**
   * natural reads 0 or a number of at most 15 digits without a leading zero: exact in a
   * double, a safe integer, and spelled as JSON spells it. A fraction or an exponent
   * after it is not read, so whatever follows fails.
   */
  private natural(): number {
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    let value = 0;
    const end = this.end;
    while (at < end) {
      const byte = bytes[at]!;
      if (byte < Byte.Zero || byte > Byte.Nine) break;
      value = value * 10 + (byte - Byte.Zero);
      at++;
    }
    const digits = at - start;
    if (digits === 0 || digits > 15 || (digits > 1 && bytes[start] === Byte.Zero)) throw failed;
    this.at = at;
    return value;
  }

  /** integer reads a natural, or a minus and a natural ("-0" is -0, as JSON.parse makes it). */
  private integer(): number {
    if (this.peek() !== Byte.Minus) return this.natural();
    this.at++;
    return -this.natural();
  }

  /** stringEnd checks the string at `at` (past its opening quote) and returns where its closing quote is. */
  private stringEnd(): number {
    const bytes = this.bytes;
    const end = this.end;
    let at = this.at;
    for (;;) {
      if (at >= end) throw failed;
      const byte = bytes[at]!;
      if (byte === Byte.Quote) return at;
      if (byte < Byte.FirstPrintable || byte > Byte.LastPrintable || byte === Byte.Backslash) throw failed;
      at++;
    }
  }

  /** string reads a string that is likely unique (a put's value): a new string each time. */
  private string(): string {
    this.expect(Byte.Quote);
    const close = this.stringEnd();
    const text = this.bytes.toString("latin1", this.at, close);
    this.at = close + 1;
    return text;
  }

  /** name reads a string that repeats across lines (a key, a node id, a kind), interned. */
  private name(): string {
    this.expect(Byte.Quote);
    const bytes = this.bytes;
    const start = this.at;
    const close = this.stringEnd();
    this.at = close + 1;
    if (close - start > internedMaxBytes) return bytes.toString("latin1", start, close);
    let hash = close - start;
    for (let at = start; at < close; at++) hash = (Math.imul(hash, 31) + bytes[at]!) | 0;
    const known = this.names.get(hash);
    if (known !== undefined && sameText(known, bytes, start, close)) return known;
    const text = bytes.toString("latin1", start, close);
    if (this.names.size >= internedLimit) this.names.clear();
    this.names.set(hash, text);
    return text;
  }

  private nonEmptyName(): string {
    const text = this.name();
    if (text.length === 0) throw failed;
    return text;
  }

  /** list reads "[", items read by `item` separated by ",", and "]". */
  private list(item: () => void): void {
    this.expect(Byte.OpenBracket);
    if (this.peek() === Byte.CloseBracket) {
      this.at++;
      return;
    }
    for (;;) {
      item();
      if (this.peek() !== Byte.Comma) break;
      this.at++;
    }
    this.expect(Byte.CloseBracket);
  }

  private strings(): string[] {
    const items: string[] = [];
    this.list(() => items.push(this.string()));
    return items;
  }

  private nodeIds(): NodeId[] {
    const items: NodeId[] = [];
    this.list(() => items.push(this.nonEmptyName()));
    return items;
  }

  private nodeIdGroups(): NodeId[][] {
    const groups: NodeId[][] = [];
    this.list(() => groups.push(this.nodeIds()));
    return groups;
  }
}

/** sameText says whether `text` is the ASCII bytes `bytes[start, end)`. */
function sameText(text: string, bytes: Buffer, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[start + i]) return false;
  return true;
}

const scanner = new CanonicalScanner();
