/** `pnpm lattice <command>`: the Lattice command-line tool. */
import { COMMAND_TABLE } from './command-table';
import { runCli } from './run-cli';

const code = await runCli(process.argv.slice(2), COMMAND_TABLE, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
process.exit(code);
