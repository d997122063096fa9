// The steps a history's origin lists, checked before a replay plays them: a history file
// is input like any other, and a step that names no known command is refused with its
// position, not played.
import { z } from "zod";
import type { SuiteStep } from "./step.ts";

const process = z.number().int().nonnegative();
const node = z.number().int().nonnegative();

/** suiteStepSchema accepts exactly the SuiteStep shapes. */
export const suiteStepSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("start"), process, op: z.enum(["put", "delete", "get"]), key: z.string() }),
  z.strictObject({ kind: z.literal("finish"), process }),
  z.strictObject({ kind: z.literal("crash"), node }),
  z.strictObject({ kind: z.literal("restart"), node }),
  z.strictObject({ kind: z.literal("isolate"), node }),
  z.strictObject({ kind: z.literal("heal") }),
  z.strictObject({ kind: z.literal("skew"), node, offsetTicks: z.number().int() }),
  z.strictObject({ kind: z.literal("advance"), ticks: z.number().int().nonnegative() }),
  z.strictObject({ kind: z.literal("anti-entropy"), full: z.boolean() }),
  z.strictObject({ kind: z.literal("hints") }),
  z.strictObject({ kind: z.literal("quiesce") }),
]);

// Compile-time proof that the schema and the type agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const same: Same<z.output<typeof suiteStepSchema>, SuiteStep> = true;
void same;
