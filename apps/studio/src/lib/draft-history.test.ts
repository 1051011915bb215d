import { describe, expect, it } from 'vitest';
import { editMergeKey } from './draft-history';

describe('editMergeKey', () => {
  it('names the typed properties an edit changed, so typing one label merges and a flag does not', () => {
    const field = { id: 'f1', label: { zh: '名', en: 'N' }, required: false };
    const typed = { ...field, label: { zh: '名称', en: 'N' } };
    expect(editMergeKey('field:f1', field, typed)).toBe('field:f1:label');
    expect(editMergeKey('field:f1', typed, { ...typed, label: { zh: '名称2', en: 'N' } })).toBe(
      'field:f1:label',
    );
    expect(editMergeKey('field:f1', typed, { ...typed, required: true })).toBeUndefined();
  });

  it('gives no key to list edits (each column drag is its own undo step)', () => {
    const view = { name: 'v', columns: ['a', 'b'] };
    expect(editMergeKey('view:v', view, { ...view, columns: ['b', 'a'] })).toBeUndefined();
  });
});
