import { type FlowDoc, loadPackFromFiles } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { MFG_CRM_PACK_DIR } from '../demo/pack-demo-source';
import { readPackFiles } from '../packs/read-pack-source';
import { checkFlowGraphs } from './check-flow-graphs';

const app = () => loadPackFromFiles(readPackFiles(MFG_CRM_PACK_DIR)).app;

describe('flow graph checks over a whole definition', () => {
  it('finds nothing wrong with the pack’s flows', () => {
    const def = app();
    expect(def.documents.filter((d) => d.kind === 'flow').length).toBeGreaterThanOrEqual(3);
    expect(checkFlowGraphs(def)).toEqual([]);
  });

  it('names the document and the node: an unreachable step, a condition on an unknown field', () => {
    const def = app();
    const i = def.documents.findIndex((d) => d.kind === 'flow' && d.name === 'customer_admission');
    const flow = def.documents[i] as FlowDoc;
    const orphan = [...flow.nodes, { type: 'auto_approve' as const, id: 'orphan', next: 'end' }];
    def.documents[i] = { ...flow, nodes: orphan };
    expect(checkFlowGraphs(def).map((e) => e.path)).toEqual([
      `documents.${i}.nodes.${orphan.length - 1} (id: orphan)`,
    ]);
    const unknown = flow.nodes.map((n) =>
      n.type === 'condition'
        ? { ...n, branches: n.branches.map((b) => ({ ...b, when: { '==': [{ var: 'no_such_field' }, 1] } })) }
        : n,
    );
    def.documents[i] = { ...flow, nodes: unknown };
    const route = unknown.findIndex((n) => n.id === 'route');
    expect(checkFlowGraphs(def).map((e) => e.path)).toEqual([
      `documents.${i}.nodes.${route} (id: route).branches.0.when`,
    ]);
  });
});
