// One array for each list of nodes a long history repeats. Every gc-purge names its key's
// replica set, and every repair round the nodes it reached: a few distinct lists, repeated
// millions of times in a history of 10^7 operations, each a fresh array of some 70 bytes
// from the parser. The cluster log keeps such events to the end of the check, so it keeps
// one copy of each list instead (the rules only read them).
import type { ClusterEvent, NodeId } from "../model/vocabulary.ts";

/** SharedNodeLists replaces the node lists of cluster events by one shared array per distinct list. */
export class SharedNodeLists {
  private readonly lists = new Map<string, NodeId[]>();

  /** share points `event`'s node lists at the shared copies, and returns it. */
  share(event: ClusterEvent): ClusterEvent {
    if (event.kind === "gc-purge" && event.replicas !== undefined) event.replicas = this.shared(event.replicas);
    if (event.kind === "anti-entropy-round") event.nodes = this.shared(event.nodes);
    return event;
  }

  private shared(nodes: NodeId[]): NodeId[] {
    const name = JSON.stringify(nodes);
    const known = this.lists.get(name);
    if (known !== undefined) return known;
    this.lists.set(name, nodes);
    return nodes;
  }
}
