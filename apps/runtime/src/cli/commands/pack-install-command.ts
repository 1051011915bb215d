import { parseArgs } from 'node:util';
import { installPack } from '../../server/packs/install-pack';
import type { CliCommand } from '../cli-command';
import { cliActor, openPackDeps, packSourceArg, reportingErrors } from './pack-cli-support';

/** `lattice pack install <folder|bundle> [--seed demo] [--scale 0.1]`: one transaction, or nothing. */
export const packInstallCommand: CliCommand = {
  name: 'pack install',
  summary: 'Install a template pack as a new app / 安装模板包',
  usage: 'lattice pack install <folder|file.lattice-pack.json> [--seed <name>] [--scale <0..1>]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { seed: { type: 'string' }, scale: { type: 'string' } },
    });
    const scale = values.scale === undefined ? 1 : Number(values.scale);
    if (!positionals[0] || !(scale > 0 && scale <= 1)) {
      io.err(`usage: ${this.usage}`);
      return 2;
    }
    return reportingErrors(io, async () => {
      const source = packSourceArg(io, positionals[0]!);
      const deps = await openPackDeps(io);
      try {
        let last = 0;
        const r = await installPack(deps, cliActor(deps, io), source, {
          ...(values.seed ? { seed: values.seed } : {}),
          scale,
          onProgress: (p) => {
            if (p.done - last >= 2000 || p.done === p.total) {
              last = p.done;
              io.out(`  seed ${p.done}/${p.total} (${p.entity})`);
            }
          },
        });
        io.out(
          `installed ${r.packId}@${r.version} as app ${r.appId} v${r.appVersion} (${r.documents} documents)`,
        );
        if (r.seed) {
          io.out(`  seed: ${r.seed.records} records, ${r.seed.skipped} skipped`);
          if (r.seed.unresolvedUsers.length > 0)
            io.out(
              `  users not found (left empty; add them with "lattice users add"): ${r.seed.unresolvedUsers.join(', ')}`,
            );
        }
        return 0;
      } finally {
        await deps.close();
      }
    });
  },
};
