// The causal past is the transitive closure of the writes each context names, whatever
// order the questions are asked in (the answers are memoised); the frontier keeps exactly
// the writes no other one had seen.
import fc from "fast-check";
import { describe, expect } from "vitest";
import { CausalPast } from "../../model/causal-past.ts";
import { prepareHistory } from "../../model/history-context.ts";
import type { Operation } from "../../model/operations.ts";
import type { PurgedTombstone } from "../../model/purges.ts";
import { buildHistory, type TestOp } from "../support/history-builder.ts";
import { chance, numRuns, prop, seed } from "../support/property-runs.ts";

interface Write {
  kind: "put" | "delete";
  /** seen: indices of writes (of the same list) the context names; any index, so cycles too. */
  seen: number[];
  /** ghost: the context also names a value and a tombstone no write wrote. */
  ghost: boolean;
  /** bare: the write carries no context at all. */
  bare: boolean;
}

const writesArbitrary = fc
  .integer({ min: 1, max: 7 })
  .chain((n) =>
    fc.array(
      fc.record({ kind: fc.constantFrom<Write["kind"]>("put", "delete"), seen: fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }), ghost: chance(0.2), bare: chance(0.1) }),
      { minLength: n, maxLength: n },
    ),
  );

const nameOf = (writes: Write[], i: number) => (writes[i]!.kind === "put" ? `v${i}` : `t${i}`);

function causalHistory(writes: Write[]): { past: () => CausalPast; ops: Operation[] } {
  const testOps: TestOp[] = writes.map((w, i) => {
    const named = w.bare ? [] : w.seen.filter((j) => j !== i);
    const context = {
      values: [...named.filter((j) => writes[j]!.kind === "put").map((j) => nameOf(writes, j)), ...(w.ghost ? ["nobody"] : [])],
      tombstones: [...named.filter((j) => writes[j]!.kind === "delete").map((j) => nameOf(writes, j)), ...(w.ghost ? ["no-tombstone"] : [])],
    };
    const op: TestOp = { op: w.kind, process: i, at: [2 * i, 2 * i + 1] };
    if (!w.bare) op.context = context;
    if (w.kind === "put") op.value = nameOf(writes, i);
    else op.tombstone = nameOf(writes, i);
    return op;
  });
  const context = prepareHistory(buildHistory("causal", testOps, [], { versioning: "vector-clock" }));
  const history = context.keys.get("x")!;
  return { past: () => new CausalPast(history), ops: history.operations };
}

/** closure is the causal past by its definition: every write reachable through contexts. */
function closure(writes: Write[], i: number): Set<number> {
  const seen = new Set<number>();
  const direct = (k: number) => (writes[k]!.bare ? [] : writes[k]!.seen.filter((m) => m !== k));
  const stack = direct(i);
  while (stack.length > 0) {
    const j = stack.pop()!;
    if (seen.has(j)) continue;
    seen.add(j);
    stack.push(...direct(j));
  }
  return seen;
}

const options = { seed, numRuns: numRuns() };

describe("CausalPast", () => {
  prop([writesArbitrary, fc.func(fc.integer())], options)(
    `pastOf is the transitive closure of the contexts, asked in any order (seed ${seed})`,
    (writes, order) => {
      const { past, ops } = causalHistory(writes);
      const shared = past();
      const closures = ops.map((_, i) => closure(writes, i));
      const asked = ops.map((_, i) => i).sort((a, b) => order(a) - order(b) || a - b);
      for (const i of asked) {
        const expected = [...closures[i]!].sort((a, b) => a - b).map((j) => ops[j]);
        expect([...shared.pastOf(ops[i]!)].sort((a, b) => a.invokeIndex - b.invokeIndex)).toEqual(expected);
        expect(shared.pastOf(ops[i]!)).toBe(shared.pastOf(ops[i]!));
        for (const [j, other] of ops.entries()) expect(shared.hasSeen(ops[i]!, other)).toBe(closures[i]!.has(j));
      }
      // parents are the writes a context names directly, unknown names left out.
      for (const [i, op] of ops.entries()) {
        const direct = new Set((writes[i]!.bare ? [] : writes[i]!.seen.filter((j) => j !== i)).map((j) => ops[j]!));
        expect(new Set(past().parents(op))).toEqual(direct);
      }
    },
  );

  prop([writesArbitrary, fc.array(fc.nat(6), { maxLength: 3 }), fc.nat(6)], options)(
    `a purged tombstone hides a put iff one of its possible deletes had seen it (seed ${seed})`,
    (writes, picks, putPick) => {
      const { past, ops } = causalHistory(writes);
      const deletes = [...new Set(picks.filter((p) => p < ops.length && writes[p]!.kind === "delete"))];
      const put = ops[putPick % ops.length]!;
      const purge: PurgedTombstone = { key: "x", node: "n1", time: 50, deletedAt: 0, event: 99, deletes: deletes.map((d) => ops[d]!) };
      expect(past().tombstoneHides(purge, put)).toBe(deletes.some((d) => closure(writes, d).has(putPick % ops.length)));
    },
  );

  prop([writesArbitrary, fc.array(fc.nat(6), { maxLength: 6 })], options)(
    `frontier keeps exactly the writes no other write of the set had seen (seed ${seed})`,
    (writes, picks) => {
      const { past, ops } = causalHistory(writes);
      const chosen = [...new Set(picks.filter((p) => p < ops.length))];
      const set = chosen.map((i) => ops[i]!);
      const expected = chosen.filter((i) => !chosen.some((j) => j !== i && closure(writes, j).has(i))).map((i) => ops[i]);
      expect(past().frontier(set)).toEqual(expected);
    },
  );
});
