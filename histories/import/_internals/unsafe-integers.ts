// Integers no double holds exactly. A register compares its numbers as doubles, where
// 9007199254740993 and 9007199254740992 are one value: importers refuse such register
// values rather than let two different writes compare equal. (Key-value histories
// compare values as text and keep such integers exact.)

/** isUnsafeInteger: a BigInt beyond ±(2^53 - 1). ednRecords reads every such EDN integer as a BigInt. */
export function isUnsafeInteger(value: unknown): value is bigint {
  return typeof value === "bigint" && (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER));
}

/** firstUnsafeInteger returns the first integer written in `text` that is beyond ±(2^53 - 1), as written. */
export function firstUnsafeInteger(text: string): string | undefined {
  return text.match(/-?\d{16,}/g)?.find((digits) => !Number.isSafeInteger(Number(digits)));
}

/** unsafeRegisterValue is the message and fix that refuse `integer` as a register value. */
export function unsafeRegisterValue(integer: bigint | string): { message: string; fix: string } {
  return {
    message: `the integer ${integer} is beyond ±(2^53 - 1), where a register's numbers would be rounded and two different values compare equal`,
    fix: "keep register values within ±9007199254740991, or write them as strings",
  };
}

/** unsafeProcess is the message and fix that refuse `integer` as a process id. */
export function unsafeProcess(integer: bigint | string): { message: string; fix: string } {
  return { message: `process ${integer} is beyond ±(2^53 - 1), where two process ids would be rounded into one`, fix: "number processes with small integers" };
}
