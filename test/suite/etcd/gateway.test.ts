// What a gateway call concludes, against small servers on 127.0.0.1 that misbehave on
// purpose (no etcd needed): only a refused connection proves nothing was sent; a timeout,
// a connection cut after the request, and an error answer are all unknown outcomes.
import { createServer, type Server } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { base64, callGateway, fromBase64 } from "../../../suite/etcd/gateway.ts";
import { freeLoopbackPorts, loopbackHost } from "../../../suite/etcd/loopback-ports.ts";

const servers: Server[] = [];

/** serve starts a server on a free loopback port and returns its base URL. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, loopbackHost, resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return `http://${loopbackHost}:${address.port}`;
}

afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("callGateway", () => {
  it("answered: the JSON body of a 200", async () => {
    const url = await serve((_request, response) => response.end(JSON.stringify({ header: { revision: "7" }, kvs: [{ key: base64("k"), value: base64("v1") }] })));
    const answer = await callGateway(url, "/v3/kv/range", { key: base64("k") }, 1000);
    expect(answer).toEqual({ kind: "answered", body: { header: { revision: "7" }, kvs: [{ key: base64("k"), value: base64("v1") }] } });
  });

  it("refused: nothing listens on the port, so nothing was sent", async () => {
    const [port] = await freeLoopbackPorts(1);
    expect(await callGateway(`http://${loopbackHost}:${port}`, "/v3/kv/put", {}, 1000)).toEqual({ kind: "refused", reason: "connection refused" });
  });

  it("unknown: no answer within the timeout", async () => {
    const url = await serve(() => undefined);
    const answer = await callGateway(url, "/v3/kv/put", {}, 200);
    expect(answer).toEqual({ kind: "unknown", reason: "no answer within 200 ms" });
  });

  it("unknown: the connection is cut after the request arrived", async () => {
    const url = await serve((request) => request.socket.destroy());
    const answer = await callGateway(url, "/v3/kv/put", {}, 1000);
    expect(answer.kind).toBe("unknown");
  });

  it("unknown: etcd answers with an error, which does not say whether a write was applied", async () => {
    const url = await serve((_request, response) => {
      response.statusCode = 503;
      response.end(JSON.stringify({ error: "etcdserver: request timed out", code: 14, message: "etcdserver: request timed out" }));
    });
    expect(await callGateway(url, "/v3/kv/put", {}, 1000)).toEqual({ kind: "unknown", reason: "etcd answered 503: etcdserver: request timed out" });
  });

  it("keys and values travel as base64 of their UTF-8 bytes", () => {
    for (const text of ["x", "lazarus-run/1/y", "välue ✓", ""]) expect(fromBase64(base64(text))).toBe(text);
    expect(base64("x")).toBe("eA==");
  });
});
