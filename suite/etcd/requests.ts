// One suite operation as a gateway request, and a gateway answer as a history completion.
// The mapping onto the history's outcomes is the adapter's contract with the checker:
// `ok` only for an answer, `fail` only when the connection was refused (nothing was
// sent), and `info` for everything else, since a write that timed out or was cut off may
// still be applied.
import type { GetResult, Key } from "../../model/vocabulary.ts";
import type { AdapterOp } from "../adapter.ts";
import { base64, fromBase64, type GatewayAnswer } from "./gateway.ts";

/** GatewayRequest is the path and JSON body of one call. */
export interface GatewayRequest {
  path: string;
  body: Record<string, unknown>;
}

/** requestFor builds the call for `op` on etcd key `key`; `serializable` asks a member for its local, possibly stale, state. */
export function requestFor(op: AdapterOp, key: Key, serializable: boolean): GatewayRequest {
  switch (op.kind) {
    case "put":
      return { path: "/v3/kv/put", body: { key: base64(key), value: base64(op.value) } };
    case "delete":
      return { path: "/v3/kv/deleterange", body: { key: base64(key) } };
    case "get":
      return { path: "/v3/kv/range", body: serializable ? { key: base64(key), serializable: true } : { key: base64(key) } };
    default: {
      const unreachable: never = op;
      return unreachable;
    }
  }
}

/**
 * getResultOf reads a range answer. etcd keeps no trace of a deleted key at the current
 * revision, so it cannot tell a key never written from a deleted one; the adapter always
 * says `never-written`. The spec allows that for a deleted key (a store that purged its
 * tombstone cannot tell either), while `deleted` would claim a tombstone the store never
 * showed and must be backed by a delete (model/rules/read-source.ts).
 */
export function getResultOf(answer: Extract<GatewayAnswer, { kind: "answered" }>): GetResult {
  const found = answer.body.kvs?.[0];
  if (found === undefined) return { kind: "absent", reason: "never-written" };
  return { kind: "value", value: fromBase64(found.value ?? "") };
}

/** revisionOf reads the store revision an answer was given at (0 when it has none). */
export function revisionOf(answer: Extract<GatewayAnswer, { kind: "answered" }>): number {
  return Number(answer.body.header?.revision ?? 0);
}
