import type { EntityDoc } from '../../model/entity';
import type { PrivateNote } from '../../model/field';
import type { RequestContext } from '../contracts';

function isNote(v: unknown): v is PrivateNote {
  const n = v as PrivateNote;
  return !!n && typeof n === 'object' && typeof n.author === 'string' && typeof n.text === 'string';
}

/**
 * Private notes, step 1 (before coercion): every submitted note is stamped with the caller as author and
 * the current time unless it carries one, so a client can neither forge nor edit another author's note.
 */
export function stampPrivateNotes(
  entity: EntityDoc,
  input: Record<string, unknown>,
  ctx: RequestContext,
): Record<string, unknown> {
  const notes = entity.fields.filter((f) => f.type === 'notes' && Array.isArray(input?.[f.name]));
  if (!notes.length) return input;
  const at = ctx.clock.now().toISOString();
  const out = { ...input };
  for (const f of notes) {
    out[f.name] = (input[f.name] as unknown[]).map((n) =>
      n && typeof n === 'object' ? { at, ...(n as object), author: ctx.actor.id } : n,
    );
  }
  return out;
}

/** Step 2 (after coercion): the caller's notes replace only the caller's; other authors' notes are kept. */
export function keepOthersNotes(
  entity: EntityDoc,
  values: Record<string, unknown>,
  existing: Record<string, unknown> | null,
  ctx: RequestContext,
): void {
  for (const f of entity.fields) {
    if (f.type !== 'notes' || !(f.name in values)) continue;
    const before = existing ? existing[f.name] : null;
    const others = (Array.isArray(before) ? before : [])
      .filter(isNote)
      .filter((n) => n.author !== ctx.actor.id);
    const mine = Array.isArray(values[f.name]) ? (values[f.name] as unknown[]) : [];
    values[f.name] = [...others, ...mine];
  }
}

/** The record as `ctx` may see it: other authors' private notes removed (system actors see all). */
export function hideOthersNotes<R extends Record<string, unknown>>(
  entity: EntityDoc,
  rec: R,
  ctx: RequestContext,
): R {
  if (ctx.actor.system) return rec;
  const notes = entity.fields.filter((f) => f.type === 'notes');
  if (!notes.length) return rec;
  const out: Record<string, unknown> = { ...rec };
  for (const f of notes) out[f.name] = visibleNotes(out[f.name], ctx.actor.id);
  return out as R;
}

/** Only the notes written by `actorId`; `null` stays `null`. */
export function visibleNotes(value: unknown, actorId: string): unknown {
  if (!Array.isArray(value)) return value ?? null;
  return value.filter((n) => isNote(n) && n.author === actorId);
}
