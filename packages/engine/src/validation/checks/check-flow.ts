import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import { assertNever } from '../../model/assert-never';
import type { ApproverSpec, FlowDoc, FlowNode } from '../../model/flow';
import type { IndexedEntity } from './app-index';
import {
  type CheckContext,
  checkLogic,
  checkUnique,
  q,
  report,
  requireDocument,
  requireEntity,
  requireField,
  requireFieldType,
} from './check-context';

/** Semantic checks of an approval flow: one start, an end, every edge to an existing node, approvers. */
export function checkFlow(ctx: CheckContext, doc: FlowDoc, p: string): void {
  const entity = requireEntity(ctx, doc.entity, `${p}.entity`);
  checkUnique(
    ctx,
    doc.nodes,
    (n) => n.id,
    (i) => `${p}.nodes.${i}.id`,
    VALIDATION_NOUNS.nodeId,
  );
  const starts = doc.nodes.filter((n) => n.type === 'start').length;
  if (starts !== 1) report(ctx, `${p}.nodes`, 'flowStartCount', { actual: starts });
  if (!doc.nodes.some((n) => n.type === 'end')) report(ctx, `${p}.nodes`, 'flowNoEnd');
  const ids = new Set(doc.nodes.map((n) => n.id));
  const edge = (target: string, path: string) => {
    if (!ids.has(target)) report(ctx, path, 'unknownNode', { actual: q(target) });
  };
  doc.nodes.forEach((n, i) => {
    checkNode(ctx, entity, n, `${p}.nodes.${i}`, edge);
  });
}

function checkNode(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  n: FlowNode,
  p: string,
  edge: (target: string, path: string) => void,
): void {
  switch (n.type) {
    case 'start':
    case 'join':
    case 'auto_approve':
      edge(n.next, `${p}.next`);
      return;
    case 'approval':
      edge(n.next, `${p}.next`);
      n.approvers.forEach((a, i) => {
        checkApprover(ctx, entity, a, `${p}.approvers.${i}`);
      });
      if (n.fallback) checkApprover(ctx, entity, n.fallback, `${p}.fallback`);
      n.editableFields?.forEach((f, i) => {
        requireField(ctx, entity, f, `${p}.editableFields.${i}`);
      });
      return;
    case 'condition':
      n.branches.forEach((b, i) => {
        checkLogic(ctx, b.when, `${p}.branches.${i}.when`);
        edge(b.next, `${p}.branches.${i}.next`);
      });
      edge(n.otherwise, `${p}.otherwise`);
      return;
    case 'parallel':
      n.branches.forEach((b, i) => {
        edge(b, `${p}.branches.${i}`);
      });
      edge(n.join, `${p}.join`);
      return;
    case 'cc':
      n.to.forEach((a, i) => {
        checkApprover(ctx, entity, a, `${p}.to.${i}`);
      });
      edge(n.next, `${p}.next`);
      return;
    case 'end':
      return;
    default:
      assertNever(n, 'flow node');
  }
}

function checkApprover(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  a: ApproverSpec,
  p: string,
): void {
  if (a.type === 'role') requireDocument(ctx, 'role', a.role, `${p}.role`);
  if (a.type === 'field') requireFieldType(ctx, entity, a.field, ['user'], `${p}.field`);
}
