// etcd's JSON gateway (etcd 3.4: POST /v3/kv/put, /v3/kv/range, /v3/kv/deleterange, keys
// and values in base64) reached with plain `fetch`. No client library: the `etcd3` npm
// package pulls in grpc-js and protobuf for what three HTTP calls do here, and a plain
// request makes it plain what was sent and when, which is what the history records.
// An answer says what the adapter may conclude: etcd answered, the connection was refused
// (nothing was sent), or the outcome is unknown (timed out, cut off, or etcd answered
// with an error, which for a write does not say whether it was applied).

/** GatewayBody is the part of the gateway's JSON answers the adapter and fixture read. */
export interface GatewayBody {
  header?: { revision?: string };
  kvs?: Array<{ key?: string; value?: string }>;
  health?: string;
}

/** GatewayAnswer is what one call came to. */
export type GatewayAnswer =
  | { kind: "answered"; body: GatewayBody }
  /** refused: the connection was refused before anything was sent, so the request certainly had no effect. */
  | { kind: "refused"; reason: string }
  /** unknown: the request may or may not have taken effect. */
  | { kind: "unknown"; reason: string };

/**
 * callGateway POSTs `request` as JSON to `baseUrl + path` (or GETs it when `request` is
 * undefined) and gives up after `timeoutMs`.
 */
export async function callGateway(baseUrl: string, path: string, request: object | undefined, timeoutMs: number): Promise<GatewayAnswer> {
  let response: Response;
  try {
    const init: RequestInit = { signal: AbortSignal.timeout(timeoutMs) };
    if (request !== undefined) Object.assign(init, { method: "POST", body: JSON.stringify(request), headers: { "content-type": "application/json" } });
    response = await fetch(`${baseUrl}${path}`, init);
  } catch (error) {
    return failedCall(error, timeoutMs);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    return failedCall(error, timeoutMs);
  }
  const body = parseBody(text);
  if (!response.ok || body === undefined) return { kind: "unknown", reason: `etcd answered ${response.status}: ${errorMessage(text)}` };
  return { kind: "answered", body };
}

/** failedCall classifies a fetch that threw: only a refused connection proves nothing was sent. */
function failedCall(error: unknown, timeoutMs: number): GatewayAnswer {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return { kind: "unknown", reason: `no answer within ${timeoutMs} ms` };
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === "ECONNREFUSED") return { kind: "refused", reason: "connection refused" };
  const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return { kind: "unknown", reason: `the connection failed after the request was sent, or while sending it (${reason})` };
}

function parseBody(text: string): GatewayBody | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null ? (parsed as GatewayBody) : undefined;
  } catch {
    return undefined;
  }
}

/** errorMessage picks etcd's own message out of an error answer (`{"error": …, "code": …}`). */
function errorMessage(text: string): string {
  const parsed = parseBody(text) as { error?: unknown; message?: unknown } | undefined;
  const message = parsed?.message ?? parsed?.error;
  return typeof message === "string" ? message : text.slice(0, 200).trim();
}

/** base64 encodes a key or value as the gateway's JSON carries bytes. */
export function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** fromBase64 decodes a key or value the gateway returned. */
export function fromBase64(text: string): string {
  return Buffer.from(text, "base64").toString("utf8");
}
