import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli-command';
import { COMMAND_TABLE } from '../command-table';
import { runCli } from '../run-cli';

describe('users add and apps list on a PGlite data dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { LATTICE_DATA_DIR: dir, DATABASE_URL: '' },
    cwd: dir,
  };

  it('creates a user once and refuses a duplicate', async () => {
    const args = [
      'users',
      'add',
      'wang_li',
      '--password',
      'longenough1',
      '--roles',
      'sales,service',
      '--region',
      'east',
    ];
    expect(await runCli(args, COMMAND_TABLE, io)).toBe(0);
    expect(out.join('\n')).toMatch(/created wang_li .* roles=sales,service/);
    expect(await runCli(args, COMMAND_TABLE, io)).toBe(1);
    expect(err.join('\n')).toContain('already exists');
  });

  it('refuses a short password without touching the database', async () => {
    expect(await runCli(['users', 'add', 'x', '--password', 'short'], COMMAND_TABLE, io)).toBe(2);
  });

  it('lists apps (none yet)', async () => {
    expect(await runCli(['apps', 'list'], COMMAND_TABLE, io)).toBe(0);
    expect(out.at(-1)).toContain('no apps installed');
  });
});
