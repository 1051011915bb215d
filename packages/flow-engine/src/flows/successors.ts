import type { FlowNode } from '@lattice/engine';
import { assertNever } from '@lattice/engine';

/** Every node id a node can lead to. */
export function successors(n: FlowNode): string[] {
  switch (n.type) {
    case 'end':
      return [];
    case 'condition':
      return [...n.branches.map((b) => b.next), n.otherwise];
    case 'parallel':
      return n.branches;
    case 'start':
    case 'approval':
    case 'join':
    case 'cc':
    case 'auto_approve':
      return [n.next];
    default:
      return assertNever(n, 'flow node');
  }
}
