import { describe, expect, it } from 'vitest';
import type { PublishChange } from '../lib/studio-api';
import { groupChanges } from './group-changes';

const change = (kind: PublishChange['kind'], lossy = false): PublishChange => ({
  kind,
  summary: { zh: kind, en: kind },
  lossy,
});

describe('groupChanges', () => {
  it('splits a preview into added, changed and removed, and lists the lossy changes', () => {
    const g = groupChanges([
      change('add_entity'),
      change('drop_field', true),
      change('document'),
      change('add_field'),
    ]);
    expect(g.added.map((c) => c.kind)).toEqual(['add_entity', 'add_field']);
    expect(g.changed.map((c) => c.kind)).toEqual(['document']);
    expect(g.removed.map((c) => c.kind)).toEqual(['drop_field']);
    expect(g.lossy.map((c) => c.kind)).toEqual(['drop_field']);
  });
});
