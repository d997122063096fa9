// Hinted handoff: hints are stored for a down replica and delivered when it returns.
// Volatile hints expire after the TTL (capped by the grace period) and die with a crashed
// holder; durable ones wait for their target.
import { describe, expect, it } from "vitest";
import type { NodeId } from "../../model/vocabulary.ts";
import { Driver } from "../../impl/index.ts";
import type { StoreOptionsInput } from "../../impl/index.ts";

function withHint(options: StoreOptionsInput = {}) {
  const driver = new Driver({ sloppyQuorum: true, antiEntropyIntervalTicks: 0, hintTtlTicks: 100, ...options });
  const replicas = driver.replicasOf("x") as [NodeId, NodeId, NodeId];
  driver.crash(replicas[2]);
  expect(driver.put(0, "x", "v1").outcome).toBe("ok");
  const stored = driver.history().events.filter((event) => event.kind === "hint-stored");
  return { driver, replicas, stored };
}

describe("hinted handoff", () => {
  it("stores a hint for the down replica at a fallback and delivers it on return", () => {
    const { driver, replicas, stored } = withHint();
    expect(stored.length).toBe(1);
    expect(stored[0]).toMatchObject({ target: replicas[2], key: "x", tombstone: false, value: "v1" });
    driver.restart(replicas[2]);
    driver.advance(20);
    const delivered = driver.history().events.filter((event) => event.kind === "hint-delivered");
    expect(delivered).toHaveLength(1);
    expect(driver.cluster.node(replicas[2]).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("expires a hint whose target stays down past the TTL", () => {
    const { driver } = withHint();
    driver.advance(200);
    expect(driver.history().events.filter((event) => event.kind === "hint-expired")).toHaveLength(1);
    expect(driver.cluster.pendingHints.size).toBe(0);
  });

  it("keeps a durable hint past the TTL: it may be an acknowledged write's only copy", () => {
    const { driver, replicas } = withHint({ durableHints: true });
    driver.advance(200);
    expect(driver.history().events.filter((event) => event.kind === "hint-expired")).toHaveLength(0);
    driver.restart(replicas[2]);
    driver.advance(20);
    expect(driver.cluster.node(replicas[2]).stateOf("x")?.[0]?.value).toBe("v1");
  });

  it("drops even a durable hint once it is older than the grace period (it could bring back what GC purged)", () => {
    const { driver } = withHint({ durableHints: true, gc: { mode: "timeout", graceTicks: 150 } });
    driver.advance(140);
    expect(driver.history().events.filter((event) => event.kind === "hint-expired")).toHaveLength(0);
    driver.advance(40);
    expect(driver.history().events.filter((event) => event.kind === "hint-expired")).toHaveLength(1);
  });

  it("caps the hint TTL at the grace period (safeguard), and records the effective TTL", () => {
    const capped = new Driver({ gc: { mode: "timeout", graceTicks: 50 }, hintTtlTicks: 500 });
    expect(capped.history().header.config.hintTtlTicks).toBe(50);
    const uncapped = new Driver({ gc: { mode: "timeout", graceTicks: 50 }, hintTtlTicks: 500, safeguards: { hintsWithinGrace: false } });
    expect(uncapped.history().header.config.hintTtlTicks).toBe(500);
  });

  it("loses volatile hints when the holder crashes, keeps durable ones", () => {
    for (const durableHints of [false, true]) {
      const { driver, stored } = withHint({ durableHints });
      const holder = stored[0]!.kind === "hint-stored" ? stored[0]!.holder : "";
      driver.crash(holder);
      const expired = driver.history().events.filter((event) => event.kind === "hint-expired");
      expect(expired.length).toBe(durableHints ? 0 : 1);
    }
  });
});
