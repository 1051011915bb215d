import { parseArgs } from 'node:util';
import type { PackUpgradeChange } from '@lattice/engine';
import { previewPackUpgrade, upgradePack } from '../../server/packs/upgrade-pack';
import type { CliCommand } from '../cli-command';
import { cliActor, openPackDeps, packSourceArg, reportingErrors } from './pack-cli-support';

/** One line of the upgrade diff. */
export function describeChange(c: PackUpgradeChange): string {
  switch (c.op) {
    case 'add_document':
      return `+ ${c.doc}`;
    case 'remove_document':
      return `- ${c.doc}`;
    case 'update_document':
      return `~ ${c.doc} (${c.keys.join(', ')})`;
    case 'add_field':
      return `+ ${c.doc} field ${c.field}`;
    case 'remove_field':
      return `- ${c.doc} field ${c.field}`;
    case 'update_field':
      return `~ ${c.doc} field ${c.field} (${c.keys.join(', ')})`;
    case 'keep_user':
      return `= ${c.doc}${c.field ? ` field ${c.field}` : ''}${c.key ? ` ${c.key}` : ''}: your ${
        c.reason === 'user_added' ? 'addition' : 'change'
      } is kept / 保留您的修改`;
  }
}

/** `lattice pack upgrade <folder|bundle> [--yes] [--confirm-lossy]`: shows the diff; applies with --yes. */
export const packUpgradeCommand: CliCommand = {
  name: 'pack upgrade',
  summary: 'Show and apply a newer pack version, keeping your data and changes / 升级模板包',
  usage: 'lattice pack upgrade <folder|file.lattice-pack.json> [--yes] [--confirm-lossy]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { yes: { type: 'boolean', short: 'y' }, 'confirm-lossy': { type: 'boolean' } },
    });
    if (!positionals[0]) {
      io.err(`usage: ${this.usage}`);
      return 2;
    }
    return reportingErrors(io, async () => {
      const source = packSourceArg(io, positionals[0]!);
      const deps = await openPackDeps(io);
      try {
        const preview = await previewPackUpgrade(deps, source);
        io.out(
          `upgrade ${preview.appId}: ${preview.from.id} ${preview.from.version} → ${preview.to.version}`,
        );
        if (preview.changes.length === 0) io.out('  no document changes / 文档无变化');
        for (const c of preview.changes) io.out(`  ${describeChange(c)}`);
        for (const p of preview.problems) io.err(`  ! ${p.path}: ${p.message.en} / ${p.message.zh}`);
        if (preview.problems.length > 0) return 1;
        if (!values.yes) {
          io.out('preview only; run again with --yes to apply / 加 --yes 执行升级');
          return 0;
        }
        const r = await upgradePack(deps, cliActor(deps, io), source, {
          confirmLossy: values['confirm-lossy'] ?? false,
        });
        io.out(
          `upgraded ${r.appId} to ${r.to.version} (app v${r.appVersion}); records and your changes kept` +
            (r.referenceRecords > 0 ? `; ${r.referenceRecords} new reference records added` : ''),
        );
        return 0;
      } finally {
        await deps.close();
      }
    });
  },
};
