/** Where a command writes; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * One `lattice` command. `name` may have several words (`users add`); the dispatcher matches the longest
 * name that prefixes the arguments and passes the rest. Returns the exit code.
 */
export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
