/**
 * The FUSE server's node ids: the kernel names files by a node id it got
 * from a LOOKUP-like reply and counts its references (FORGET gives them
 * back); the data plane names them by path. Node 1 is the mount's root
 * (the access point's root, path `/`); any other inode `ino` is node
 * `ino + 1`, so ids stay stable across renames and hard links share one.
 * Each node remembers the last path it was reached by; a rename moves the
 * paths of the node and everything below it.
 */

/** The node id of the mount's root. */
export const ROOT_NODE = 1;

interface Node {
  path: string;
  lookups: number;
}

/**
 * Node ids to paths.
 *
 * @example
 * const nodes = new NodeTable(rootIno);
 * const id = nodes.remember("/a.txt", 7); // 8
 * nodes.pathOf(id); // "/a.txt"
 */
export class NodeTable {
  private readonly nodes = new Map<number, Node>([[ROOT_NODE, { path: "/", lookups: 1 }]]);

  /**
   * @param rootIno The inode of the session's root (reported as node 1).
   *
   * @example
   * new NodeTable(session.rootIno);
   */
  constructor(private readonly rootIno: number) {}

  /**
   * The node id for inode `ino` reached at `path`; counts one kernel reference.
   *
   * @example
   * nodes.remember("/dir/b.txt", 9); // 10
   */
  remember(path: string, ino: number): number {
    const id = ino === this.rootIno ? ROOT_NODE : ino + 1;
    const node = this.nodes.get(id);
    if (node) {
      if (id !== ROOT_NODE) node.path = path;
      node.lookups += 1;
    } else this.nodes.set(id, { path, lookups: 1 });
    return id;
  }

  /**
   * The path of node `id`, if the kernel still holds it.
   *
   * @example
   * nodes.pathOf(1); // "/"
   */
  pathOf(id: number): string | undefined {
    return this.nodes.get(id)?.path;
  }

  /**
   * The path of `name` inside directory node `parent`.
   *
   * @example
   * nodes.childPath(1, "a.txt"); // "/a.txt"
   */
  childPath(parent: number, name: string): string | undefined {
    const base = this.pathOf(parent);
    if (base === undefined || name === "" || name.includes("/")) return undefined;
    return base === "/" ? `/${name}` : `${base}/${name}`;
  }

  /**
   * Gives back `count` references of node `id` (FORGET).
   *
   * @example
   * nodes.forget(8, 1);
   */
  forget(id: number, count: number): void {
    const node = this.nodes.get(id);
    if (!node || id === ROOT_NODE) return;
    node.lookups -= count;
    if (node.lookups <= 0) this.nodes.delete(id);
  }

  /**
   * Moves `from` and every path below it to `to` (after a rename).
   *
   * @example
   * nodes.moved("/a", "/b"); // "/a/x" is now "/b/x"
   */
  moved(from: string, to: string): void {
    for (const node of this.nodes.values()) {
      if (node.path === from) node.path = to;
      else if (node.path.startsWith(`${from}/`)) node.path = to + node.path.slice(from.length);
    }
  }

  /**
   * How many nodes the kernel holds (the root included).
   *
   * @example
   * nodes.size; // 1 after every FORGET
   */
  get size(): number {
    return this.nodes.size;
  }
}
