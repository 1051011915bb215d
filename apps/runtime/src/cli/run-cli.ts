import type { CliCommand, CliIo } from './cli-command';

/**
 * Dispatches `argv` (without node and script) to the command whose (possibly multi-word) name is the
 * longest prefix of it; prints help for `help`, `--help`, no arguments or an unknown command.
 *
 * @example await runCli(['users', 'add', 'li', '--password', 'secret123'], COMMAND_TABLE, io)
 */
export async function runCli(argv: string[], commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const match = [...commands]
    .sort((a, b) => b.name.split(' ').length - a.name.split(' ').length)
    .find((c) => {
      const words = c.name.split(' ');
      return words.every((w, i) => argv[i] === w);
    });
  if (!match) {
    const asked = argv.length > 0 && !['help', '--help', '-h'].includes(argv[0]!);
    if (asked) io.err(`unknown command: ${argv.join(' ')}\n`);
    printHelp(commands, asked ? io.err : io.out);
    return asked ? 2 : 0;
  }
  const rest = argv.slice(match.name.split(' ').length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${match.summary}\nusage: ${match.usage}`);
    return 0;
  }
  return match.run(rest, io);
}

function printHelp(commands: readonly CliCommand[], write: (line: string) => void): void {
  write('Lattice command-line tool / 命令行工具\n\nusage: pnpm lattice <command> [options]\n\ncommands:');
  const width = Math.max(...commands.map((c) => c.name.length));
  for (const c of commands) write(`  ${c.name.padEnd(width)}  ${c.summary}`);
  write('\nRun `pnpm lattice <command> --help` for a command’s options.');
}
