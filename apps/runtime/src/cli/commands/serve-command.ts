import { loadServerConfig } from '../../server/load-server-config';
import { startServer } from '../../server/start-server';
import type { CliCommand } from '../cli-command';

/** `lattice serve`: starts the runtime server (same as `pnpm start`, without building the SPAs). */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Start the runtime server / 启动运行时服务',
  usage: 'lattice serve   (PORT, LATTICE_DATA_DIR, DATABASE_URL, LATTICE_DEMO, LATTICE_ADMIN_PASSWORD)',
  async run(_args, io) {
    await startServer(loadServerConfig(io.env, io.cwd));
    // Keep running until a signal closes the server.
    await new Promise<never>(() => {});
    return 0;
  },
};
