import type { FileRef } from '../model/field';

function isFileRef(v: unknown): v is FileRef {
  return typeof v === 'object' && v !== null && typeof (v as FileRef).id === 'string';
}

/**
 * The file refs of a file/image field value: single-file fields store one ref, multi-file fields a list;
 * anything else gives an empty list.
 *
 * @example fileRefsOf({ id: 'f1', name: 'a.pdf', size: 1, mime: 'application/pdf' }) // [that ref]
 */
export function fileRefsOf(value: unknown): FileRef[] {
  if (Array.isArray(value)) return value.filter(isFileRef);
  return isFileRef(value) ? [value] : [];
}
