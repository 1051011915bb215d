import { isAbsolute, join, resolve } from 'node:path';

/** Everything `main.ts` reads from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// URL, or null for PGlite under `<dataDir>/pglite`. */
  databaseUrl: string | null;
  demo: boolean;
  adminPassword: string | null;
  /** From LATTICE_JWT_SECRET; when null the server keeps a generated one in the data dir. */
  jwtSecret: string | null;
  corsOrigins: string[];
  /** LATTICE_ENCRYPTION_KEY (AES-256 for sensitive fields); demo mode generates one into the data dir. */
  encryptionKey: string | null;
  /** Share (0–1] of the pack's demo records installed on first start (LATTICE_DEMO_SCALE, default 1). */
  demoScale: number;
  /** LATTICE_TEST_CLOCK_FILE: browser tests move the server's time via this file (see `offsetFileClock`). */
  testClockFile: string | null;
}

/**
 * Reads the server configuration from `env`. Demo mode is on with LATTICE_DEMO=1, or when neither
 * DATABASE_URL nor LATTICE_ADMIN_PASSWORD is set (the zero-configuration start). Empty variables count as
 * unset. LATTICE_DATA_DIR (default `.lattice-data`) is resolved against `cwd`.
 */
export function loadServerConfig(env: Record<string, string | undefined>, cwd: string): ServerConfig {
  const get = (name: string): string | null => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const databaseUrl = get('DATABASE_URL');
  const adminPassword = get('LATTICE_ADMIN_PASSWORD');
  const demoFlag = get('LATTICE_DEMO');
  const demo = demoFlag !== null ? demoFlag === '1' || demoFlag === 'true' : !databaseUrl && !adminPassword;
  const dataDirRaw = get('LATTICE_DATA_DIR') ?? '.lattice-data';
  const port = Number(get('PORT') ?? '3000');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const demoScale = Number(get('LATTICE_DEMO_SCALE') ?? '1');
  if (!(demoScale > 0 && demoScale <= 1))
    throw new Error(`LATTICE_DEMO_SCALE must be in (0, 1], got ${env.LATTICE_DEMO_SCALE}`);
  return {
    demoScale,
    testClockFile: get('LATTICE_TEST_CLOCK_FILE'),
    port,
    host: get('HOST') ?? '0.0.0.0',
    dataDir: isAbsolute(dataDirRaw) ? dataDirRaw : resolve(join(cwd, dataDirRaw)),
    databaseUrl,
    demo,
    adminPassword,
    jwtSecret: get('LATTICE_JWT_SECRET'),
    encryptionKey: get('LATTICE_ENCRYPTION_KEY'),
    corsOrigins: (get('LATTICE_CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  };
}
