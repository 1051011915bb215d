import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPack } from '../../server/packs/export-pack';
import type { CliCommand } from '../cli-command';
import { openPackDeps, reportingErrors } from './pack-cli-support';

/** `lattice pack export <appId> [--id pack-id] [--version x.y.z] [--out file]`: a live app as a bundle. */
export const packExportCommand: CliCommand = {
  name: 'pack export',
  summary: 'Export an app (e.g. built in the studio) as a pack file / 导出应用为模板包',
  usage: 'lattice pack export <appId> [--id <pack-id>] [--version <x.y.z>] [--out <file>]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { id: { type: 'string' }, version: { type: 'string' }, out: { type: 'string', short: 'o' } },
    });
    if (!positionals[0]) {
      io.err(`usage: ${this.usage}`);
      return 2;
    }
    return reportingErrors(io, async () => {
      const deps = await openPackDeps(io);
      try {
        const r = await exportPack(deps, positionals[0]!, {
          ...(values.id ? { id: values.id } : {}),
          ...(values.version ? { version: values.version } : {}),
        });
        const out = resolve(io.cwd, values.out ?? r.fileName);
        writeFileSync(out, r.bundle);
        io.out(`exported ${positionals[0]} as ${r.manifest.id}@${r.manifest.version}: ${out}`);
        return 0;
      } finally {
        await deps.close();
      }
    });
  },
};
