import { type AppDefinition, type ErrorDetail, findEntity } from '@lattice/engine';
import { validateFlow } from '@lattice/flow-engine';

/**
 * The flow engine's graph checks (one start, every node reachable, every path ends, joins match their
 * splits, branch conditions read known fields…) over every flow of a definition, with paths into the
 * definition: `documents.7.nodes.3 (id: risk_review).next`. The engine's document checks cannot run these
 * (the flow engine sits above it), so draft saves run them here.
 */
export function checkFlowGraphs(definition: AppDefinition): ErrorDetail[] {
  return definition.documents.flatMap((doc, i) =>
    doc.kind === 'flow'
      ? validateFlow(doc, findEntity(definition, doc.entity)).map((e) => ({
          ...e,
          path: `documents.${i}.${e.path}`,
        }))
      : [],
  );
}
