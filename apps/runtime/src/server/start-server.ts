import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@lattice/engine/storage';
import { buildServer } from './build-server';
import { builtinDemoSource } from './demo/builtin-demo-source';
import { DEMO_PASSWORD, DEMO_USERS } from './demo/demo-users';
import { MFG_CRM_PACK_DIR, packDemoSource } from './demo/pack-demo-source';
import type { ServerConfig } from './load-server-config';
import { offsetFileClock } from './testing/offset-file-clock';

/**
 * Opens the database (PGlite under `<dataDir>/pglite` unless a URL is configured), builds the server,
 * listens, and prints the URL (and the demo accounts in demo mode). Closes the database on SIGINT/SIGTERM.
 */
export async function startServer(config: ServerConfig): Promise<{ url: string; close(): Promise<void> }> {
  mkdirSync(config.dataDir, { recursive: true });
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') },
  );
  const app = await buildServer({
    db,
    dataDir: config.dataDir,
    jwtSecret: config.jwtSecret ?? persistentSecret(config.dataDir),
    demo: config.demo,
    demoSources: [packDemoSource(MFG_CRM_PACK_DIR, config.demoScale), builtinDemoSource],
    demoInBackground: true,
    ...(config.testClockFile ? { clock: offsetFileClock(config.testClockFile) } : {}),
    onDemoProgress: (line) => console.log(line),
    ...(config.adminPassword ? { adminPassword: config.adminPassword } : {}),
    corsOrigins: config.corsOrigins,
    ...(config.encryptionKey ? { encryptionKey: config.encryptionKey } : {}),
    runJobs: { intervalMs: 1000 },
    logger: { level: process.env.LOG_LEVEL ?? 'warn' },
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;
  printBanner(url, config, db.dialect);
  const close = async () => {
    await app.close();
    await db.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().finally(() => process.exit(0));
    });
  }
  return { url, close };
}

/** A random secret kept in the data dir, so sessions survive restarts without configuration. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function printBanner(url: string, config: ServerConfig, dialect: string): void {
  const lines = [
    '',
    `  Lattice 已启动 / Lattice is running: ${url}`,
    `  运行时 / Runtime UI: ${url}/    设计器 / Studio: ${url}/studio/    API docs: ${url}/api/docs`,
    `  数据库 / Database: ${dialect}${config.databaseUrl ? '' : ` (${join(config.dataDir, 'pglite')})`}`,
  ];
  if (config.demo) {
    lines.push(`  演示账号 / Demo accounts (password ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(12)} ${u.displayName ?? ''}`);
  }
  console.log(`${lines.join('\n')}\n`);
}
