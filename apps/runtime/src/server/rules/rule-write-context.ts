import type { Locale } from '@lattice/engine';
import type { Actor, Clock, RequestContext } from '@lattice/engine/storage';

const depths = new WeakMap<RequestContext, number>();

/**
 * The context of a write a rule makes: a system actor named after the rule (rules act beyond the
 * triggering user's scope, and history says `rule:<name>`), remembering the chain depth so the rules
 * that write triggers see it (`chainDepthOf`).
 */
export function ruleWriteContext(clock: Clock, rule: string, depth: number, locale?: Locale): RequestContext {
  const actor: Actor = { id: 'system', username: `rule:${rule}`, roles: ['admin'], system: true };
  const ctx: RequestContext = { actor, clock, ...(locale ? { locale } : {}) };
  depths.set(ctx, depth);
  return ctx;
}

/** How many rule-caused writes led to a write made with `ctx` (0 for a user's own write). */
export function chainDepthOf(ctx: RequestContext): number {
  return depths.get(ctx) ?? 0;
}
