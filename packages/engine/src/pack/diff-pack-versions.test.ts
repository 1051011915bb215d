import { describe, expect, it } from 'vitest';
import type { AppDefinition } from '../model/app';
import type { EntityDoc } from '../model/entity';
import { checkPackUpgrade } from './check-pack-upgrade';
import { diffPackVersions } from './diff-pack-versions';
import { loadPackFromFiles } from './load-pack-from-files';
import { packFixture } from './pack-fixture';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));
const entity = (app: AppDefinition, name: string) =>
  app.documents.find((d) => d.kind === 'entity' && d.name === name) as EntityDoc;

describe('diffPackVersions', () => {
  const base = loadPackFromFiles(packFixture()).app;

  it('applies upstream additions and changes the user did not touch', () => {
    const next = clone(base);
    entity(next, 'customer').fields.push({
      id: 'credit_code',
      name: 'credit_code',
      type: 'text',
      label: { zh: '信用代码', en: 'Credit code' },
    });
    entity(next, 'customer').fields[0]!.label = { zh: '客户名称', en: 'Customer name' };
    const { merged, changes } = diffPackVersions(base, next, clone(base));
    expect(entity(merged, 'customer').fields.map((f) => f.id)).toEqual(['name', 'tier', 'credit_code']);
    expect(entity(merged, 'customer').fields[0]!.label.zh).toBe('客户名称');
    expect(changes).toContainEqual({ op: 'add_field', doc: 'entity:customer', field: 'credit_code' });
    expect(changes).toContainEqual({
      op: 'update_field',
      doc: 'entity:customer',
      field: 'name',
      keys: ['label'],
    });
  });

  it('keeps fields the user added and labels the user changed', () => {
    const user = clone(base);
    entity(user, 'customer').fields.push({
      id: 'wechat',
      name: 'wechat',
      type: 'text',
      label: { zh: '微信', en: 'WeChat' },
    });
    entity(user, 'customer').fields[0]!.label = { zh: '公司名', en: 'Company' };
    const next = clone(base);
    entity(next, 'customer').fields[0]!.label = { zh: '客户名称', en: 'Customer name' };
    entity(next, 'customer').fields[0]!.required = false;
    const { merged, changes } = diffPackVersions(base, next, user);
    const name = entity(merged, 'customer').fields[0]!;
    expect(name.label.zh).toBe('公司名');
    expect(name.required).toBe(false);
    expect(entity(merged, 'customer').fields.some((f) => f.id === 'wechat')).toBe(true);
    expect(changes).toContainEqual({
      op: 'keep_user',
      doc: 'entity:customer',
      field: 'name',
      key: 'label',
      reason: 'user_changed',
    });
  });

  it('removes what upstream removed unless the user customised it', () => {
    const next = clone(base);
    next.documents = next.documents.filter((d) => d.name !== 'customer_list');
    entity(next, 'customer').fields = entity(next, 'customer').fields.filter((f) => f.id !== 'tier');
    const untouched = diffPackVersions(base, next, clone(base));
    expect(untouched.merged.documents.some((d) => d.name === 'customer_list')).toBe(false);
    expect(entity(untouched.merged, 'customer').fields.map((f) => f.id)).toEqual(['name']);
    const user = clone(base);
    entity(user, 'customer').fields[1]!.label = { zh: '级别', en: 'Level' };
    const customised = diffPackVersions(base, next, user);
    expect(entity(customised.merged, 'customer').fields.map((f) => f.id)).toEqual(['name', 'tier']);
  });

  it('keeps documents the user created', () => {
    const user = clone(base);
    user.documents.push({
      kind: 'view',
      schemaVersion: 1,
      type: 'list',
      name: 'mine',
      entity: 'customer',
      label: { zh: '我的', en: 'Mine' },
      columns: ['name'],
    });
    const { merged } = diffPackVersions(base, clone(base), user);
    expect(merged.documents.some((d) => d.name === 'mine')).toBe(true);
  });
});

describe('checkPackUpgrade', () => {
  const m = (version: string) => ({ id: 'p', name: { zh: 'p', en: 'p' }, version, engine: '*' });
  it('accepts a newer version and refuses a downgrade or the same version', () => {
    expect(() => checkPackUpgrade(m('0.1.0'), m('0.2.0'))).not.toThrow();
    expect(() => checkPackUpgrade(m('0.2.0'), m('0.1.9'))).toThrow(/downgrade/);
    expect(() => checkPackUpgrade(m('0.2.0'), m('0.2.0'))).toThrow(/not newer/);
  });
});
