// The etcd adapter against stand-ins (no etcd needed): member e1 is a tiny in-memory etcd
// gateway, e2 never answers, and nothing listens for e3. It shows how answers become
// outcomes (ok, info for no answer, fail only for a refused connection), that a get of a
// missing key is absent and never-written, how faults are recorded and routed around,
// that the history is a valid lazarus history to check linearizable, and what each
// planted bug changes.
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseHistoryText, serializeHistory } from "../../../histories/index.ts";
import type { ProcessId } from "../../../model/vocabulary.ts";
import type { AdapterOp } from "../../../suite/adapter.ts";
import { EtcdAdapter, type ClusterControl } from "../../../suite/etcd/adapter.ts";
import type { EtcdBugName } from "../../../suite/etcd/bugs.ts";
import { fromBase64 } from "../../../suite/etcd/gateway.ts";
import { freeLoopbackPorts, loopbackHost } from "../../../suite/etcd/loopback-ports.ts";

const servers: Server[] = [];
/** store: what the in-memory member holds, and every range request it was sent. */
const store = new Map<string, string>();
const ranges: Array<Record<string, unknown>> = [];
const urls: Record<string, string> = {};

/** fakeEtcd answers put, range and deleterange as etcd's gateway does, from a Map. */
function fakeEtcd(path: string, body: { key: string; value?: string; serializable?: boolean }): object {
  const key = fromBase64(body.key);
  const header = { revision: "1" };
  if (path === "/v3/kv/put") store.set(key, body.value!);
  if (path === "/v3/kv/deleterange") store.delete(key);
  if (path !== "/v3/kv/range") return { header };
  ranges.push(body);
  const value = store.get(key);
  return value === undefined ? { header } : { header, kvs: [{ key: body.key, value }] };
}

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, loopbackHost, resolve));
  const address = server.address() as { port: number };
  return `http://${loopbackHost}:${address.port}`;
}

beforeAll(async () => {
  urls["e1"] = await listen(
    createServer((request, response) => {
      let text = "";
      request.on("data", (chunk) => (text += chunk));
      request.on("end", () => response.end(JSON.stringify(fakeEtcd(request.url!, JSON.parse(text)))));
    }),
  );
  urls["e2"] = await listen(createServer(() => undefined));
  urls["e3"] = `http://${loopbackHost}:${(await freeLoopbackPorts(1))[0]}`;
});

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** FakeCluster records the signals the adapter sends instead of sending them. */
class FakeCluster implements ClusterControl {
  readonly memberNames = ["e1", "e2", "e3"];
  readonly signals: string[] = [];
  clientUrl(name: string): string {
    return urls[name]!;
  }
  async kill(name: string): Promise<void> {
    this.signals.push(`kill ${name}`);
  }
  async restart(name: string): Promise<void> {
    this.signals.push(`restart ${name}`);
  }
  pause(name: string): void {
    this.signals.push(`pause ${name}`);
  }
  resume(name: string): void {
    this.signals.push(`resume ${name}`);
  }
  async waitHealthy(): Promise<void> {}
}

function adapterWith(bugs: EtcdBugName[] = []): { adapter: EtcdAdapter; cluster: FakeCluster } {
  const cluster = new FakeCluster();
  store.clear();
  ranges.length = 0;
  return { adapter: new EtcdAdapter(cluster, { namespace: "t", bugs, requestTimeoutMs: 300, advanceMaxMs: 0 }), cluster };
}

async function op(adapter: EtcdAdapter, process: ProcessId, operation: AdapterOp) {
  adapter.start(process, operation);
  return adapter.finish(process);
}

describe("EtcdAdapter", () => {
  it("records ok answers, a missing key as absent and never-written, and keeps keys in its namespace", async () => {
    const { adapter } = adapterWith();
    expect((await op(adapter, 0, { kind: "get", key: "x" })).result).toEqual({ kind: "absent", reason: "never-written" });
    expect((await op(adapter, 0, { kind: "put", key: "x", value: "v1" })).outcome).toBe("ok");
    expect(store.get("t/x")).toBe(Buffer.from("v1").toString("base64"));
    expect((await op(adapter, 0, { kind: "get", key: "x" })).result).toEqual({ kind: "value", value: "v1" });
    expect((await op(adapter, 0, { kind: "delete", key: "x", tombstone: "d2" })).outcome).toBe("ok");
    // etcd cannot tell a deleted key from one never written; the adapter never claims a tombstone.
    expect((await op(adapter, 0, { kind: "get", key: "x" })).result).toEqual({ kind: "absent", reason: "never-written" });
    expect(ranges.every((body) => body["serializable"] === undefined)).toBe(true);
  });

  it("no answer is info, a refused connection is fail", async () => {
    const { adapter } = adapterWith();
    const silent = await op(adapter, 1, { kind: "put", key: "x", value: "v1" });
    expect(silent).toMatchObject({ outcome: "info", error: "e2: no answer within 300 ms" });
    const refused = await op(adapter, 2, { kind: "put", key: "x", value: "v2" });
    expect(refused).toMatchObject({ outcome: "fail", error: "e3: connection refused" });
  });

  it("kills and pauses are recorded, and a process whose member is out goes to the next live one", async () => {
    const { adapter, cluster } = adapterWith();
    await adapter.crash("e2");
    adapter.partition([["e3"], ["e1", "e2"]]);
    // Process 1's home (e2) is down and e3 is stopped: it goes to e1.
    expect((await op(adapter, 1, { kind: "put", key: "y", value: "v1" })).outcome).toBe("ok");
    await adapter.quiesce();
    expect(cluster.signals).toEqual(["kill e2", "pause e3", "resume e3", "restart e2"]);
    const kinds = adapter.history().events.filter((event) => event.kind !== "invoke" && event.kind !== "complete").map((event) => event.kind);
    expect(kinds).toEqual(["crash", "partition", "heal", "restart", "barrier"]);
    expect(adapter.faults).toMatchObject({ kills: 1, restarts: 1, pauses: 1, resumes: 1, barriers: 1 });
  });

  it("a member killed while cut off comes back stopped", async () => {
    const { adapter, cluster } = adapterWith();
    adapter.partition([["e3"], ["e1", "e2"]]);
    await adapter.crash("e3");
    await adapter.restart("e3");
    expect(cluster.signals).toEqual(["pause e3", "kill e3", "restart e3", "pause e3"]);
  });

  it("writes a valid lazarus history, to be checked linearizable", async () => {
    const { adapter } = adapterWith();
    await op(adapter, 0, { kind: "put", key: "x", value: "v1" });
    await op(adapter, 1, { kind: "get", key: "x" });
    const parsed = parseHistoryText(serializeHistory(adapter.history()), "etcd.jsonl");
    expect(parsed.ok, JSON.stringify(parsed)).toBe(true);
    const header = adapter.history().header;
    expect(header.consistency).toBe("linearizable");
    expect(header.config).toMatchObject({ nodes: ["e1", "e2", "e3"], readQuorum: 2, writeQuorum: 2, gc: { mode: "keep" }, bugs: [] });
  });

  it("serializable-reads asks for serializable ranges", async () => {
    const { adapter } = adapterWith(["serializable-reads"]);
    await op(adapter, 0, { kind: "get", key: "x" });
    expect(ranges).toEqual([expect.objectContaining({ serializable: true })]);
    expect(adapter.history().header.config.bugs).toEqual(["serializable-reads"]);
  });

  it("cache-forgets-deletes answers a deleted key from its cache", async () => {
    const { adapter } = adapterWith(["cache-forgets-deletes"]);
    await op(adapter, 0, { kind: "put", key: "x", value: "v1" });
    await op(adapter, 0, { kind: "delete", key: "x", tombstone: "d2" });
    expect((await op(adapter, 0, { kind: "get", key: "x" })).result).toEqual({ kind: "value", value: "v1" });
    expect(ranges).toEqual([]);
  });
});
