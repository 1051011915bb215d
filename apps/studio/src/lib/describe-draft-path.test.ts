import type { AppDefinition } from '@lattice/engine';
import { describe, expect, it } from 'vitest';
import { describeDraftPath } from './describe-draft-path';

const draft: AppDefinition = {
  id: 'x',
  label: { zh: 'x', en: 'x' },
  schemaVersion: 1,
  documents: [
    {
      kind: 'entity',
      schemaVersion: 1,
      name: 'ledger',
      label: { zh: '设备台账', en: 'Ledger' },
      titleField: 'serial',
      fields: [{ id: 'f1', name: 'serial', type: 'text', label: { zh: '序列号', en: 'Serial' } }],
    },
  ],
};

describe('describeDraftPath', () => {
  it('names the document and field and links to the entity designer', () => {
    expect(describeDraftPath(draft, 'x', 'documents.0.fields.0.name')).toEqual({
      text: '实体 设备台账 › 序列号 › name',
      to: '/apps/x/entities/ledger',
    });
  });
  it('keeps paths it cannot resolve', () => {
    expect(describeDraftPath(draft, 'x', 'label.zh')).toEqual({ text: 'label.zh' });
  });
});
