import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { installPack } from '../../server/packs/install-pack';
import { loadPack } from '../../server/packs/load-pack';
import type { CliCommand } from '../cli-command';
import { cliActor, openPackDeps, packSourceArg, reportingErrors } from './pack-cli-support';

/**
 * `lattice pack install <folder|bundle> [--seed demo] [--scale 0.1] [--create-users]`: one transaction, or
 * nothing. Seed user fields hold usernames; `--create-users` first adds the seed's missing users (with a
 * printed one-time random password) so every owner/assignee resolves.
 */
export const packInstallCommand: CliCommand = {
  name: 'pack install',
  summary: 'Install a template pack as a new app / 安装模板包',
  usage:
    'lattice pack install <folder|file.lattice-pack.json> [--seed <name>] [--scale <0..1>] [--create-users]',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        seed: { type: 'string' },
        scale: { type: 'string' },
        'create-users': { type: 'boolean' },
      },
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
        if (values['create-users'] && values.seed) {
          const { pack } = loadPack(source);
          const taken = (await deps.appStore.listApps()).some((a) => a.id === pack.app.id);
          for (const u of taken ? [] : (pack.seed[values.seed]?.users ?? [])) {
            if (await deps.users.findByUsername(u.username)) continue;
            const password = randomBytes(9).toString('base64url');
            await deps.users.create({
              username: u.username,
              password,
              displayName: u.displayName,
              roles: u.roles,
              region: u.region ?? null,
              department: u.department ?? null,
            });
            io.out(`  created user ${u.username} (${u.roles.join(',')}) password ${password}`);
          }
        }
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
        if (r.reference)
          io.out(`  reference data: ${r.reference.records} records, ${r.reference.skipped} skipped`);
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
