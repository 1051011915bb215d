import type { TagNode } from '../model/field';
import { accept, expected, type FieldValueResult, reject } from './field-value-result';

/** Accepts one of `allowed` (a select option or a stage value). */
export function coerceChoice(raw: unknown, allowed: readonly string[]): FieldValueResult {
  if (typeof raw !== 'string' && typeof raw !== 'number')
    return expected('one of the options', '选项之一', raw);
  const v = String(raw);
  if (!allowed.includes(v)) return notAnOption(v, allowed);
  return accept(v);
}

/**
 * Accepts an array of strings (a lone string is taken as a one-element list), each in `allowed` unless
 * `allowed` is null (open lists); duplicates are removed, order kept.
 */
export function coerceChoiceList(raw: unknown, allowed: readonly string[] | null): FieldValueResult {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list)) return expected('a list of options', '选项列表', raw);
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string' && typeof item !== 'number')
      return expected('a list of options', '选项列表', raw);
    const v = String(item);
    if (allowed && !allowed.includes(v)) return notAnOption(v, allowed);
    if (!out.includes(v)) out.push(v);
  }
  return accept(out);
}

/** Every value in a tag tree, parents and children alike (a tag may be picked at any level). */
export function tagTreeValues(tree: readonly TagNode[]): string[] {
  const out: string[] = [];
  const walk = (nodes: readonly TagNode[]) => {
    for (const n of nodes) {
      out.push(n.value);
      if (n.children) walk(n.children);
    }
  };
  walk(tree);
  return out;
}

function notAnOption(v: string, allowed: readonly string[]): FieldValueResult {
  const list = allowed.slice(0, 10).join(', ') + (allowed.length > 10 ? ', …' : '');
  return reject(`"${v}" is not one of ${list}`, `"${v}" 不在可选项中（${list}）`);
}
