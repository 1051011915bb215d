import { describe, expect, it } from 'vitest';
import type { CliCommand, CliIo } from './cli-command';
import { runCli } from './run-cli';

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env: {}, cwd: '/tmp' };
  return { io, out, err };
}

function command(name: string, calls: string[][]): CliCommand {
  return {
    name,
    summary: `${name} summary`,
    usage: name,
    run: async (args) => {
      calls.push([name, ...args]);
      return 0;
    },
  };
}

describe('runCli', () => {
  it('dispatches multi-word commands and passes the remaining arguments', async () => {
    const calls: string[][] = [];
    const { io } = fakeIo();
    const table = [command('users', calls), command('users add', calls)];
    expect(await runCli(['users', 'add', 'li', '--password', 'x'], table, io)).toBe(0);
    expect(calls).toEqual([['users add', 'li', '--password', 'x']]);
  });
  it('prints help listing every command when called without arguments', async () => {
    const { io, out } = fakeIo();
    expect(await runCli([], [command('serve', []), command('apps list', [])], io)).toBe(0);
    expect(out.join('\n')).toMatch(/serve[\s\S]*apps list/);
  });
  it('exits with 2 and help on stderr for an unknown command', async () => {
    const { io, err } = fakeIo();
    expect(await runCli(['frobnicate'], [command('serve', [])], io)).toBe(2);
    expect(err.join('\n')).toContain('unknown command: frobnicate');
  });
});
