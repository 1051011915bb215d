import { loadPack } from '../../server/packs/load-pack';
import type { CliCommand } from '../cli-command';
import { describeDocuments, packSourceArg, reportingErrors } from './pack-cli-support';

/** `lattice pack validate <folder|bundle>`: every problem with file and JSON path; exit 1 when any. */
export const packValidateCommand: CliCommand = {
  name: 'pack validate',
  summary: 'Check a template pack (folder or bundle) / 校验模板包',
  usage: 'lattice pack validate <folder|file.lattice-pack.json>',
  async run(args, io) {
    if (!args[0]) {
      io.err(`usage: ${this.usage}`);
      return 2;
    }
    return reportingErrors(io, async () => {
      const { pack } = loadPack(packSourceArg(io, args[0]!));
      const m = pack.manifest;
      io.out(`ok: ${m.id}@${m.version} (${m.name.zh} / ${m.name.en}), engine ${m.engine}`);
      io.out(`  app ${pack.app.id}: ${describeDocuments(pack.app)}`);
      const seeds = Object.entries(pack.seed).map(([n, s]) => `${n} (${s.entities.length} entities)`);
      if (seeds.length > 0) io.out(`  seed: ${seeds.join(', ')}`);
      return 0;
    });
  },
};
