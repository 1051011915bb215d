import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { createUserStore } from '../../server/auth/user-store';
import { buildServer } from '../../server/build-server';
import type { ImportJob } from '../../server/import/import-store';
import { createImportStore } from '../../server/import/import-store';
import { writeErrorReport } from '../../server/import/write-error-report';
import { loadServerConfig } from '../../server/load-server-config';
import type { CliCommand, CliIo } from '../cli-command';
import { openConfiguredDatabase } from '../open-configured-database';
import { renderProgressBar } from '../render-progress-bar';

const USAGE =
  'lattice import <file> --app <app> --entity <entity> [--sheet name] [--mapping name] [--mode insert|upsert --key field[,field]] ' +
  '[--on-error skip|abort] [--triggers] [--as username] [--report errors.xlsx] | lattice import --resume <import-id> --app <app>';

/**
 * `lattice import`: the wizard's pipeline for admins and scripts — upload, auto-map (or a saved mapping),
 * run with a terminal progress bar, print the counts and write the error report (.xlsx). Runs inside a
 * server built without listening, so rules ("import finished", per-row triggers with --triggers) apply.
 * Exit code 0 when every row was imported, 1 when rows failed or the import failed, 2 for usage errors.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import an .xlsx/.csv file into an entity / 导入 Excel/CSV 数据',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        app: { type: 'string' },
        entity: { type: 'string' },
        sheet: { type: 'string' },
        mapping: { type: 'string' },
        mode: { type: 'string' },
        key: { type: 'string' },
        'on-error': { type: 'string' },
        triggers: { type: 'boolean' },
        as: { type: 'string' },
        report: { type: 'string' },
        resume: { type: 'string' },
      },
    });
    const file = positionals[0];
    const mode = (values.mode ?? 'insert') as 'insert' | 'upsert';
    const onError = (values['on-error'] ?? 'skip') as 'skip' | 'abort';
    const usageError = (msg: string) => {
      io.err(msg);
      io.err(`usage: ${USAGE}`);
      return 2;
    };
    if (!values.app) return usageError('--app is required / 需要 --app');
    if (!values.resume && (!file || !values.entity))
      return usageError('a file and --entity are required / 需要文件和 --entity');
    if (!['insert', 'upsert'].includes(mode)) return usageError('--mode is insert or upsert');
    if (!['skip', 'abort'].includes(onError)) return usageError('--on-error is skip or abort');
    if (mode === 'upsert' && !values.key)
      return usageError('--mode upsert needs --key <field> / 更新模式需要 --key');

    const db = await openConfiguredDatabase(io);
    const config = loadServerConfig(io.env, io.cwd);
    const app = await buildServer({
      db,
      dataDir: config.dataDir,
      jwtSecret: randomBytes(32).toString('hex'),
    });
    try {
      const store = createImportStore(db, { now: () => new Date() });
      const appId = values.app;
      let id: string;
      if (values.resume) {
        id = values.resume;
        await app.imports.resume(appId, id);
      } else {
        const user = await createUserStore(db, { now: () => new Date() }).findByUsername(
          values.as ?? 'admin',
        );
        const actor = user
          ? { id: user.id, username: user.username, roles: user.roles }
          : { id: 'cli', username: 'cli', roles: ['admin'] };
        const job = await app.imports.upload(
          actor,
          appId,
          values.entity!,
          basename(file!),
          createReadStream(file!),
        );
        id = job.id;
        const ins = await app.imports.inspect(appId, id, values.sheet ?? null);
        let mapping = ins.suggested;
        if (values.mapping) {
          const saved = (await store.listMappings(appId, values.entity!)).find(
            (m) => m.name === values.mapping,
          );
          if (!saved) {
            io.err(
              `no saved mapping "${values.mapping}" for ${values.entity} / 没有名为 ${values.mapping} 的映射`,
            );
            return 2;
          }
          mapping = ins.suggested.map((m) => {
            const hit = saved.mapping.find((s) => s.header === m.header);
            return hit ? { ...m, field: hit.field } : m;
          });
        }
        io.out(
          `sheet ${ins.sheet}, header row ${ins.headerRow}, ~${ins.totalRows ?? '?'} rows / 工作表 ${ins.sheet}`,
        );
        for (const m of mapping) io.out(`  ${m.header.padEnd(24)} → ${m.field ?? '(ignored / 忽略)'}`);
        await app.imports.start(actor, appId, id, {
          mapping,
          mode,
          key: values.key ? values.key.split(',').map((k) => k.trim()) : [],
          onError,
          perRowTriggers: values.triggers ?? false,
        });
      }
      const final = await follow(app.imports, appId, id, io);
      if (!final) {
        io.err(`no import ${id} / 导入任务不存在`);
        return 1;
      }
      const c = final.counts;
      io.out(
        `${final.status}: inserted ${c.inserted} · updated ${c.updated} · skipped ${c.skipped} · failed ${c.failed}` +
          ` / 新增 ${c.inserted} · 更新 ${c.updated} · 跳过 ${c.skipped} · 失败 ${c.failed}`,
      );
      if (final.message) io.err(`${final.message.zh} / ${final.message.en}`);
      if (c.failed > 0) {
        const report = values.report ?? `${(file ?? id).replace(/\.[^.]+$/, '')}-errors.xlsx`;
        const out = createWriteStream(report);
        await writeErrorReport(store, appId, id, 'zh-CN', out);
        io.out(`error report / 错误报告: ${report}`);
      }
      io.out(`import id: ${id}`);
      return final.status === 'done' && c.failed === 0 ? 0 : 1;
    } finally {
      await app.close();
      await db.close();
    }
  },
};

async function follow(
  imports: import('../../server/import/import-service').ImportService,
  appId: string,
  id: string,
  io: CliIo,
): Promise<ImportJob | null> {
  const tty = Boolean(process.stderr.isTTY);
  let lastLine = 0;
  const timer = setInterval(async () => {
    const s = await imports.status(appId, id).catch(() => null);
    if (!s?.progress) return;
    const line = renderProgressBar(s.progress);
    if (tty) process.stderr.write(`\r${line}\u001b[K`);
    else if (s.progress.rowsDone - lastLine >= 10_000) {
      lastLine = s.progress.rowsDone;
      io.err(line);
    }
  }, 250);
  try {
    await imports.idle();
  } finally {
    clearInterval(timer);
    if (tty) process.stderr.write('\n');
  }
  return imports.status(appId, id);
}
