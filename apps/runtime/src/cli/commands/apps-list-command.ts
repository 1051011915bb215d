import { createAppStore } from '@lattice/engine/storage';
import type { CliCommand } from '../cli-command';
import { openConfiguredDatabase } from '../open-configured-database';

/** `lattice apps list`: installed apps with their live version. */
export const appsListCommand: CliCommand = {
  name: 'apps list',
  summary: 'List installed apps / 列出已安装应用',
  usage: 'lattice apps list',
  async run(_args, io) {
    const db = await openConfiguredDatabase(io);
    try {
      const apps = await createAppStore(db).listApps();
      if (apps.length === 0) io.out('no apps installed / 尚未安装应用');
      for (const a of apps) {
        io.out(`${a.id.padEnd(24)} v${a.liveVersion ?? '-'}  ${a.label.zh} / ${a.label.en}`);
      }
      return 0;
    } finally {
      await db.close();
    }
  },
};
