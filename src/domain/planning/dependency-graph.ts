/**
 * The "blocks" graph of the epics in a scenario, on epic positions 0..n-1. Every walk here is
 * iterative and visits each edge a bounded number of times, so a cycle (A blocks B blocks A) is
 * found and reported, never looped on, and 20,000 epics cannot overflow the stack.
 */
export interface DependencyGraph {
  /** `blocks[a]`: the epics that epic a blocks. */
  readonly blocks: readonly (readonly number[])[];
  /** `blockedBy[b]`: the epics that block epic b. */
  readonly blockedBy: readonly (readonly number[])[];
}

export function dependencyGraph(
  size: number,
  edges: readonly (readonly [number, number])[],
): DependencyGraph {
  const blocks: number[][] = Array.from({ length: size }, () => []);
  const blockedBy: number[][] = Array.from({ length: size }, () => []);
  for (const [blocker, blocked] of edges) {
    blocks[blocker]?.push(blocked);
    blockedBy[blocked]?.push(blocker);
  }
  return { blocks, blockedBy };
}

/**
 * The cycles of the graph: its strongly connected components with more than one epic, or one
 * epic that blocks itself (Tarjan's algorithm, with an explicit stack). Each cycle's positions
 * are in ascending order; the cycles are ordered by their first position.
 */
export function dependencyCycles(graph: DependencyGraph): number[][] {
  const size = graph.blocks.length;
  const index = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  for (let root = 0; root < size; root += 1) {
    if (index[root] !== -1) {
      continue;
    }
    // Each frame: [node, position of the next edge to look at].
    const frames: [number, number][] = [[root, 0]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as [number, number];
      const [node, edge] = frame;
      const next = graph.blocks[node]?.[edge];
      if (next !== undefined) {
        frame[1] = edge + 1;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          frames.push([next, 0]);
        } else if (onStack[next] === 1) {
          low[node] = Math.min(low[node] ?? 0, index[next] ?? 0);
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent !== undefined) {
        low[parent[0]] = Math.min(low[parent[0]] ?? 0, low[node] ?? 0);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number | undefined;
        do {
          member = stack.pop();
          if (member !== undefined) {
            onStack[member] = 0;
            component.push(member);
          }
        } while (member !== undefined && member !== node);
        if (component.length > 1 || (graph.blocks[node] ?? []).includes(node)) {
          cycles.push(component.sort((a, b) => a - b));
        }
      }
    }
  }
  return cycles.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
}

/**
 * Bounds on each epic's level (0 = continue ... top = stop) implied by pins through the rule
 * level(blocked) >= level(blocker): a stop pin pushes every epic it blocks, transitively, to stop;
 * a continue pin holds every epic that blocks it, transitively, at continue.
 *
 * `raisedBy[e]` / `loweredBy[e]` name the neighbour that passed the bound on (-1 at the pinned
 * epic itself), so that a conflict can be traced back to its two pins along the links.
 */
export interface LevelBounds {
  readonly min: Int32Array;
  readonly max: Int32Array;
  readonly raisedBy: Int32Array;
  readonly loweredBy: Int32Array;
}

export function levelBounds(
  graph: DependencyGraph,
  top: number,
  pinnedStop: readonly number[],
  pinnedContinue: readonly number[],
): LevelBounds {
  const size = graph.blocks.length;
  const min = new Int32Array(size);
  const max = new Int32Array(size).fill(top);
  const raisedBy = new Int32Array(size).fill(-1);
  const loweredBy = new Int32Array(size).fill(-1);
  // Bounds only ever move from 0 to top (or top to 0), once per epic: each walk is linear.
  const work = [...pinnedStop];
  for (const epic of pinnedStop) {
    min[epic] = top;
  }
  while (work.length > 0) {
    const epic = work.pop() as number;
    for (const blocked of graph.blocks[epic] ?? []) {
      if ((min[blocked] ?? 0) < top) {
        min[blocked] = top;
        raisedBy[blocked] = epic;
        work.push(blocked);
      }
    }
  }
  work.push(...pinnedContinue);
  for (const epic of pinnedContinue) {
    max[epic] = 0;
  }
  while (work.length > 0) {
    const epic = work.pop() as number;
    for (const blocker of graph.blockedBy[epic] ?? []) {
      if ((max[blocker] ?? 0) > 0) {
        max[blocker] = 0;
        loweredBy[blocker] = epic;
        work.push(blocker);
      }
    }
  }
  return { min, max, raisedBy, loweredBy };
}

/** The chain of epics from `epic` following `via` pointers to the epic whose pin set the bound. */
export function chainTo(via: Int32Array, epic: number): number[] {
  const chain = [epic];
  let current = epic;
  // Each epic's pointer was set once, towards an epic bounded earlier: the chain ends.
  while ((via[current] ?? -1) !== -1 && chain.length <= via.length) {
    current = via[current] as number;
    chain.push(current);
  }
  return chain;
}
