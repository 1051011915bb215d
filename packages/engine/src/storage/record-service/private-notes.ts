import type { ErrorDetail } from '../../errors';
import type { EntityDoc } from '../../model/entity';
import type { PrivateNote } from '../../model/field';
import type { RequestContext } from '../contracts';

function isNote(v: unknown): v is PrivateNote {
  const n = v as PrivateNote;
  return !!n && typeof n === 'object' && typeof n.author === 'string' && typeof n.text === 'string';
}

/**
 * Private notes: a client only ever sees and writes its own notes. The submitted array replaces the
 * caller's notes; other authors' notes are kept untouched. Notes are stamped with the caller and time.
 */
export function mergePrivateNotes(
  entity: EntityDoc,
  values: Record<string, unknown>,
  existing: Record<string, unknown> | null,
  ctx: RequestContext,
): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const me = ctx.actor.id;
  const at = ctx.clock.now().toISOString();
  for (const f of entity.fields) {
    if (f.type !== 'notes' || !(f.name in values)) continue;
    const submitted = values[f.name] ?? [];
    if (!Array.isArray(submitted) || submitted.some((n) => typeof (n as PrivateNote)?.text !== 'string')) {
      errors.push({
        path: f.name,
        reason: 'LATTICE_ERR_VALIDATION',
        message: { zh: '应为便签数组 [{text}]', en: 'expected an array of notes [{text, at?}]' },
      });
      continue;
    }
    const before = existing ? existing[f.name] : null;
    const others = (Array.isArray(before) ? before : []).filter(isNote).filter((n) => n.author !== me);
    const mine = (submitted as Partial<PrivateNote>[]).map((n) => ({
      author: me,
      text: String(n.text),
      at: typeof n.at === 'string' ? n.at : at,
    }));
    values[f.name] = [...others, ...mine];
  }
  return errors;
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
