import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPackBundle, readPackBundle } from '@lattice/engine';
import { loadPack } from '../../server/packs/load-pack';
import type { CliCommand } from '../cli-command';
import { describeDocuments, packSourceArg, reportingErrors } from './pack-cli-support';

/** `lattice pack build <folder> [--out file]`: validates, then writes the one-file bundle. */
export const packBuildCommand: CliCommand = {
  name: 'pack build',
  summary: 'Build a pack folder into one distributable file / 打包为单个文件',
  usage: 'lattice pack build <folder> [--out <file>]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' } },
    });
    if (!positionals[0]) {
      io.err(`usage: ${this.usage}`);
      return 2;
    }
    return reportingErrors(io, async () => {
      const source = packSourceArg(io, positionals[0]!);
      if (!('files' in source)) {
        io.err('pack build needs a pack folder / 需要模板包目录');
        return 2;
      }
      const { pack } = loadPack(source);
      const bundle = buildPackBundle(source.files);
      const m = pack.manifest;
      const out = resolve(io.cwd, values.out ?? `${m.id}-${m.version}.lattice-pack.json`);
      writeFileSync(out, bundle);
      io.out(`built ${out}`);
      io.out(
        `  ${m.id}@${m.version}: ${describeDocuments(pack.app)}; ${Object.keys(source.files).length} files`,
      );
      io.out(`  ${readPackBundle(bundle).hash}`);
      return 0;
    });
  },
};
