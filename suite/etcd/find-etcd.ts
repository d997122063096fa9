// Where the `etcd` binary is: the first executable `etcd` on PATH, as a shell would find it.
// The CLI and the tests ask before they start a cluster, so a machine without etcd gets a
// sentence on how to install it instead of a spawn error.
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** installEtcdHint says how to get etcd on Debian and Ubuntu, the machines this project runs on. */
export const installEtcdHint = "install it with: apt-get install etcd-server (as root, or with sudo)";

/** findEtcd returns the path of the `etcd` on PATH, or undefined when there is none. */
export function findEtcd(path: string | undefined = process.env["PATH"]): string | undefined {
  for (const folder of (path ?? "").split(delimiter)) {
    if (folder === "") continue;
    const candidate = join(folder, "etcd");
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
