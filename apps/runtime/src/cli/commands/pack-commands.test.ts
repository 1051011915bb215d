import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testPackFiles } from '../../server/packs/pack-files.test-helper';
import type { CliIo } from '../cli-command';
import { COMMAND_TABLE } from '../command-table';
import { runCli } from '../run-cli';

vi.setConfig({ testTimeout: 60_000 });

function writeFolder(dir: string, files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

describe('lattice pack validate | build | install | upgrade | export on a PGlite data dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-pack-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let out: string[] = [];
  let err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { LATTICE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', USER: 'tester' },
    cwd: dir,
  };
  const run = async (...args: string[]) => {
    out = [];
    err = [];
    return runCli(args, COMMAND_TABLE, io);
  };
  writeFolder(join(dir, 'v1'), testPackFiles('0.1.0'));
  writeFolder(
    join(dir, 'v2'),
    testPackFiles('0.2.0', (d) => {
      d['entities/customer.json']!.fields.push({
        id: 'industry',
        name: 'industry',
        type: 'text',
        label: { zh: '行业', en: 'Industry' },
      });
    }),
  );
  writeFolder(
    join(dir, 'broken'),
    testPackFiles('0.1.0', (d) => {
      d['rules/key_is_vip.json']!.trigger.field = 'grade';
    }),
  );

  it('validate names the document and path of every problem', async () => {
    expect(await run('pack', 'validate', 'broken')).toBe(1);
    expect(err.join('\n')).toContain('rules/key_is_vip.json:trigger.field');
    expect(await run('pack', 'validate', 'v1')).toBe(0);
    expect(out[0]).toContain('ok: test-crm@0.1.0');
  });

  it('build writes one bundle file that install accepts', async () => {
    expect(await run('pack', 'build', 'v1')).toBe(0);
    expect(out[0]).toContain('test-crm-0.1.0.lattice-pack.json');
    expect(
      await run('pack', 'install', 'test-crm-0.1.0.lattice-pack.json', '--seed', 'demo', '--create-users'),
    ).toBe(0);
    expect(out.join('\n')).toMatch(/created user seed_owner \(sales\) password \S{12}/);
    expect(out.join('\n')).toMatch(/installed test-crm@0.1.0 as app test-crm v1/);
    expect(out.join('\n')).toMatch(/seed: 12 records, 0 skipped/);
    expect(out.join('\n')).not.toMatch(/users not found/);
    expect(await run('pack', 'install', 'v1')).toBe(1);
    expect(err.join('\n')).toContain('app.json:id');
  });

  it('upgrade previews without --yes, applies with it, and refuses a downgrade', async () => {
    expect(await run('pack', 'upgrade', 'v2')).toBe(0);
    expect(out.join('\n')).toContain('+ entity:customer field industry');
    expect(out.join('\n')).toContain('preview only');
    expect(await run('pack', 'upgrade', 'v2', '--yes')).toBe(0);
    expect(out.join('\n')).toContain('upgraded test-crm to 0.2.0');
    expect(await run('pack', 'upgrade', 'v1', '--yes')).toBe(1);
    expect(err.join('\n')).toContain('pack.json:version');
  });

  it('export writes the live app as a bundle', async () => {
    expect(await run('pack', 'export', 'test-crm', '--version', '1.0.0')).toBe(0);
    expect(out[0]).toMatch(/exported test-crm as test-crm@1.0.0: .*test-crm-1.0.0.lattice-pack.json/);
    expect(await run('pack', 'validate', 'test-crm-1.0.0.lattice-pack.json')).toBe(0);
  });
});
