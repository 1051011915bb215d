import type { FileRef } from '../model/field';
import { accept, expected, type FieldValueResult, reject } from './field-value-result';

export interface FileRules {
  multiple?: boolean;
  /** Extensions (`.pdf`) or MIME patterns (`image/*`, `application/pdf`). */
  accept?: string[];
  maxSizeMb?: number;
  imagesOnly?: boolean;
}

/**
 * Accepts uploaded file references `{ id, name, size, mime }` (the upload API created them): one object,
 * or an array when `multiple`; checks type and size limits. The stored value is the cleaned ref(s).
 */
export function coerceFileRefs(raw: unknown, rules: FileRules): FieldValueResult {
  const list = Array.isArray(raw) ? raw : [raw];
  if (Array.isArray(raw) && !rules.multiple && raw.length > 1) {
    return reject('only one file is allowed', '只能上传一个文件');
  }
  const refs: FileRef[] = [];
  for (const item of list) {
    const ref = toFileRef(item);
    if (!ref)
      return expected('a file reference {id, name, size, mime}', '文件引用 {id, name, size, mime}', item);
    const problem = checkFile(ref, rules);
    if (problem) return problem;
    refs.push(ref);
  }
  if (rules.multiple) return accept(refs);
  return accept(refs[0] ?? null);
}

function toFileRef(v: unknown): FileRef | null {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  const { id, name, size, mime } = o;
  if (typeof id !== 'string' || id === '' || typeof name !== 'string' || typeof mime !== 'string')
    return null;
  if (typeof size !== 'number' || !Number.isFinite(size) || size < 0) return null;
  return { id, name, size, mime };
}

function checkFile(ref: FileRef, rules: FileRules): FieldValueResult | null {
  if (rules.imagesOnly && !ref.mime.startsWith('image/')) {
    return reject(`"${ref.name}" is not an image`, `"${ref.name}" 不是图片`);
  }
  if (rules.accept && rules.accept.length > 0 && !rules.accept.some((a) => matchesAccept(ref, a))) {
    return reject(
      `"${ref.name}" is not an accepted type (${rules.accept.join(', ')})`,
      `"${ref.name}" 文件类型不允许（${rules.accept.join('、')}）`,
    );
  }
  if (rules.maxSizeMb !== undefined && ref.size > rules.maxSizeMb * 1024 * 1024) {
    return reject(
      `"${ref.name}" is larger than ${rules.maxSizeMb} MB`,
      `"${ref.name}" 超过 ${rules.maxSizeMb} MB`,
    );
  }
  return null;
}

function matchesAccept(ref: FileRef, pattern: string): boolean {
  const p = pattern.trim().toLowerCase();
  if (p.startsWith('.')) return ref.name.toLowerCase().endsWith(p);
  if (p.endsWith('/*')) return ref.mime.toLowerCase().startsWith(p.slice(0, -1));
  return ref.mime.toLowerCase() === p;
}
