import { describe, expect, it } from 'vitest';
import { LatticeError } from '../errors';
import { loadPackFromFiles } from './load-pack-from-files';
import { packFixture } from './pack-fixture';

function packErrors(files: Record<string, string>, engineVersion?: string): string[] {
  try {
    loadPackFromFiles(files, engineVersion ? { engineVersion } : {});
  } catch (e) {
    if (e instanceof LatticeError && e.code === 'LATTICE_ERR_PACK') return e.details.map((d) => d.path);
    throw e;
  }
  return [];
}

const edit = (
  files: Record<string, string>,
  path: string,
  change: (doc: Record<string, unknown>) => void,
) => {
  const doc = JSON.parse(files[path]!);
  change(doc);
  return { ...files, [path]: JSON.stringify(doc) };
};

describe('loadPackFromFiles', () => {
  it('loads manifest, app documents, seed specs and i18n strings', () => {
    const pack = loadPackFromFiles(packFixture());
    expect(pack.manifest.version).toBe('0.1.0');
    expect(pack.app.id).toBe('demo-pack');
    expect(pack.app.documents.map((d) => `${d.kind}:${d.name}`).sort()).toEqual([
      'entity:contact',
      'entity:customer',
      'view:customer_list',
    ]);
    expect(pack.seed.demo?.entities).toHaveLength(1);
    expect(pack.i18n['zh-CN']?.hello).toBe('你好');
  });

  it('names the file of a JSON syntax error', () => {
    expect(packErrors({ ...packFixture(), 'entities/contact.json': '{ "kind": ' })).toEqual([
      'entities/contact.json',
    ]);
  });

  it('names file and path of an unknown field type', () => {
    const files = edit(packFixture(), 'entities/customer.json', (d) => {
      (d.fields as { type: string }[])[1]!.type = 'txt';
    });
    expect(packErrors(files)).toEqual(['entities/customer.json:fields.1.type']);
  });

  it('names file and path of a broken reference and of a view column on a missing field', () => {
    let files = edit(packFixture(), 'entities/contact.json', (d) => {
      (d.fields as { target?: string }[])[1]!.target = 'account';
    });
    files = edit(files, 'views/customer_list.json', (d) => {
      d.columns = ['name', 'nope'];
    });
    expect(packErrors(files).sort()).toEqual([
      'entities/contact.json:fields.1.target',
      'views/customer_list.json:columns.1',
    ]);
  });

  it('refuses an engine range that does not match, naming pack.json:engine', () => {
    expect(packErrors(packFixture(), '2.0.0')).toEqual(['pack.json:engine']);
  });

  it('reports every manifest schema problem with its path', () => {
    const files = edit(packFixture(), 'pack.json', (d) => {
      d.version = 'one';
      delete d.name;
    });
    expect(packErrors(files).sort()).toEqual(['pack.json:name', 'pack.json:version']);
  });

  it('refuses a document whose kind does not match its folder', () => {
    const files = { ...packFixture(), 'rules/customer.json': packFixture()['entities/customer.json']! };
    expect(packErrors(files)).toEqual(['rules/customer.json:kind']);
  });

  it('maps whole-app validator paths back to files', () => {
    const validateApp = () => [{ path: 'documents.2.columns.0', message: { zh: '坏', en: 'bad' } }];
    try {
      loadPackFromFiles(packFixture(), { validateApp });
      expect.unreachable();
    } catch (e) {
      expect((e as LatticeError).details[0]!.path).toMatch(/^(entities|views)\/.+\.json:columns\.0$/);
    }
  });
});
