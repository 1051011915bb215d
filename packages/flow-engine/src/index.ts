/** @lattice/flow-engine — rules and approval flows (pure core: effects are data the runtime executes). */
export const FLOW_ENGINE_VERSION = '0.1.0';

export type { CompiledLogic, CompileJsonLogicOptions } from '@lattice/engine';
export { compileJsonLogic } from '@lattice/engine';
export type { Clock } from './clock';
export { approvalTransition, initialApprovalState } from './flows/approval-transition';
export type {
  ActiveNode,
  ApprovalContext,
  ApprovalEffect,
  ApprovalEvent,
  ApprovalEventType,
  ApprovalResult,
  ApprovalState,
  ApprovalTask,
  FlowAttachment,
  FlowSignature,
  FlowStatus,
  NotifyKind,
  TaskStatus,
  TransitionLogEntry,
} from './flows/approval-types';
export { nodeRequiresSignature } from './flows/flow-signature';
export { successors as flowSuccessors } from './flows/successors';
export { validateFlow } from './flows/validate-flow';
export type { CompiledRule, RuleSet } from './rules/compile-rule-set';
export { compileRuleSet } from './rules/compile-rule-set';
export { durationMs } from './rules/duration-ms';
export { matchTrigger } from './rules/match-trigger';
export { nextCronRun } from './rules/next-cron-run';
export type { RetryPolicy } from './rules/next-retry-at';
export { DEFAULT_RETRY_POLICY, nextRetryAt } from './rules/next-retry-at';
export { planRuleActions } from './rules/plan-rule-actions';
export { relativeTimerDueAt } from './rules/relative-timer-due-at';
export type { RulePredicate } from './rules/rule-condition';
export { ruleCondition } from './rules/rule-condition';
export type { RuleContext } from './rules/rule-context';
export { ruleData } from './rules/rule-context';
export { assertRuleDepth, RULE_CHAIN_DEPTH_LIMIT } from './rules/rule-depth';
export type { EffectBase, RuleEffect, RuleEffectType } from './rules/rule-effect';
export type { ApprovalOutcomeInfo, RuleEvent, RuleEventType, RuleRecord } from './rules/rule-event';
export { substituteContext } from './rules/substitute-context';
