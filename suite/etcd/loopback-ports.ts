// Free TCP ports on 127.0.0.1 for the members of a test cluster: the kernel picks each one
// (listen on port 0), and all are held open together until every one is known, so that
// no two members get the same port.
import { createServer, type Server } from "node:net";

/** loopbackHost is the only address a test cluster listens on and is reached at. */
export const loopbackHost = "127.0.0.1";

/** freeLoopbackPorts returns `count` distinct ports that were free on 127.0.0.1 a moment ago. */
export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      ports.push(await listenOnAnyPort(server));
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

function listenOnAnyPort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, loopbackHost, () => {
      const address = server.address();
      if (address === null || typeof address === "string") reject(new Error("freeLoopbackPorts: the server has no TCP address"));
      else resolve(address.port);
    });
  });
}
