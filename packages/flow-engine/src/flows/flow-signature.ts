import type { FileRef, FlowNode } from '@lattice/engine';
import { LatticeError } from '@lattice/engine';
import type { ApprovalState, ApprovalTask, FlowSignature } from './approval-types';
import type { Step } from './transition-step';

/** Is `node` an approval step that asks its approvers to sign? */
export function nodeRequiresSignature(node: FlowNode | undefined): boolean {
  return node?.type === 'approval' && node.requireSignature === true;
}

/** Does the approval node of `task` ask its approvers to sign? */
export function signatureRequired(t: Step, task: ApprovalTask): boolean {
  return nodeRequiresSignature(t.nodes.get(task.nodeId));
}

/**
 * The signature an approval of `task` carries: required on `requireSignature` nodes (throws
 * `LATTICE_ERR_VALIDATION` at `signature`), dropped elsewhere so a stray image never lands in a timeline.
 */
export function signatureFor(
  t: Step,
  task: ApprovalTask,
  signature: FileRef | undefined,
): FileRef | undefined {
  if (!signatureRequired(t, task)) return undefined;
  if (!signature) {
    throw new LatticeError('LATTICE_ERR_VALIDATION', [
      {
        path: 'signature',
        message: {
          zh: '此审批步骤需要手写签名后才能同意，请在签名板上签字',
          en: 'This approval step needs your handwritten signature: sign on the pad before approving',
        },
        reason: 'LATTICE_ERR_VALIDATION',
      },
    ]);
  }
  return signature;
}

/** The latest signed approval of the instance (the one an outcome rule copies onto the record), if any. */
export function latestSignature(s: ApprovalState): FlowSignature | undefined {
  let best: FlowSignature | undefined;
  for (const k of s.tasks) {
    if (k.status !== 'approved' || !k.signature || !k.decidedAt) continue;
    if (!best || k.decidedAt >= best.at)
      best = { by: k.decidedBy ?? k.assignee, at: k.decidedAt, file: k.signature };
  }
  return best;
}
