/** Status of a durable job: `dead` = retries exhausted (dead-letter), kept with its last error. */
export type JobStatus = 'queued' | 'running' | 'done' | 'dead';

/**
 * Job kinds and their payloads. Handlers register per kind (`JobRunner.register`); other areas add
 * kinds here (one line each) so payloads stay typed end to end.
 */
export interface JobPayloads {
  /** An async rule effect (notify e-mail/webhook, call webhook, `rule.async` actions). */
  'rule.effect': RuleEffectJobPayload;
  /** A relative timer of one record (e.g. 24 h after `created_at`); `unless` is checked when it runs. */
  'rule.timer': { rule: string; entity: string; recordId: string; dueAt: string };
  /** The next run of a cron rule; the handler re-enqueues the following run. */
  'rule.schedule': { rule: string; entity: string; dueAt: string };
  /** Start an approval flow on a record (`start_flow` action); the approval-flows area handles it. */
  'flow.start': FlowStartPayload;
  /** A timeout of an approval node; the approval-flows area handles it. */
  'flow.timeout': { instanceId: string; key: string };
  /** Import runs in the background; the import area handles it. */
  'import.run': { importId: string };
}

export type JobKind = keyof JobPayloads;

/** Payload of `flow.start`: which flow, on which record, caused by which rule at what chain depth. */
export interface FlowStartPayload {
  flow: string;
  entity: string;
  recordId: string;
  /** The rule that asked for it (`null` when a user submitted). */
  rule: string | null;
  /** Who the flow is submitted as (user id), or null for the system actor. */
  submittedBy: string | null;
  depth: number;
}

/** Payload of `rule.effect`: one planned effect (see `@lattice/flow-engine` `RuleEffect`). */
export interface RuleEffectJobPayload {
  effect: Record<string, unknown> & { type: string; rule: string };
  /** Id of the user whose write triggered the rule, if any. */
  actorId: string | null;
}

/** What `enqueue` takes. */
export interface NewJob<K extends JobKind = JobKind> {
  appId: string;
  kind: K;
  payload: JobPayloads[K];
  /** Unique per app: enqueueing a key twice is a no-op (returns the existing id). */
  idempotencyKey: string;
  /** Default: now. */
  runAt?: Date;
  /** Default: the queue's retry policy (8). */
  maxAttempts?: number;
}

/** A job as stored. */
export interface Job<K extends JobKind = JobKind> {
  id: string;
  appId: string;
  kind: K;
  payload: JobPayloads[K];
  status: JobStatus;
  runAt: Date;
  attempts: number;
  maxAttempts: number;
  idempotencyKey: string;
  lockedBy: string | null;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}
