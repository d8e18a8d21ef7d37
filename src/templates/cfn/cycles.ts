/**
 * Dependency cycles among resources (DependsOn plus references), found as
 * strongly connected components (Tarjan); each cycle is listed in file
 * order, and a resource that needs itself is a cycle of one.
 */

/**
 * Every cycle in `graph` (logical id → the ids it needs), in file `order`.
 *
 * @example
 * findCycles(new Map([["A", ["B"]], ["B", ["A"]]]), ["A", "B"]); // [["A", "B"]]
 */
export function findCycles(
  graph: ReadonlyMap<string, readonly string[]>,
  order: readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let top: string | undefined;
    do {
      top = stack.pop();
      if (top === undefined) break;
      onStack.delete(top);
      component.push(top);
    } while (top !== node);
    const selfLoop = component.length === 1 && (graph.get(node) ?? []).includes(node);
    if (component.length > 1 || selfLoop) components.push(component);
  };
  for (const node of order) if (!index.has(node)) visit(node);
  const rank = new Map(order.map((id, i) => [id, i]));
  return components
    .map((c) => c.sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0)))
    .sort((a, b) => (rank.get(a[0] ?? "") ?? 0) - (rank.get(b[0] ?? "") ?? 0));
}
