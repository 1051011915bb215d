/** `pnpm start`: the runtime server, configured from the environment (see loadServerConfig). */
import { loadServerConfig } from './load-server-config';
import { startServer } from './start-server';

await startServer(loadServerConfig(process.env, process.env.INIT_CWD ?? process.cwd()));
