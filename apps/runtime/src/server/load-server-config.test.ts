import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-server-config';

describe('loadServerConfig', () => {
  it('starts in demo mode on PGlite with no configuration', () => {
    const c = loadServerConfig({}, '/repo');
    expect(c).toMatchObject({ port: 3000, dataDir: '/repo/.lattice-data', databaseUrl: null, demo: true });
  });
  it('leaves demo mode when a database or an admin password is configured', () => {
    expect(loadServerConfig({ DATABASE_URL: 'postgres://x/y' }, '/r').demo).toBe(false);
    expect(loadServerConfig({ LATTICE_ADMIN_PASSWORD: 's3cret!' }, '/r').demo).toBe(false);
  });
  it('forces demo mode with LATTICE_DEMO=1 even on PostgreSQL', () => {
    expect(loadServerConfig({ DATABASE_URL: 'postgres://x/y', LATTICE_DEMO: '1' }, '/r').demo).toBe(true);
  });
  it('treats empty variables as unset', () => {
    const c = loadServerConfig({ DATABASE_URL: '', PORT: '' }, '/r');
    expect(c.databaseUrl).toBeNull();
    expect(c.port).toBe(3000);
  });
  it('keeps an absolute data dir and resolves a relative one', () => {
    expect(loadServerConfig({ LATTICE_DATA_DIR: '/tmp/x' }, '/r').dataDir).toBe('/tmp/x');
    expect(loadServerConfig({ LATTICE_DATA_DIR: 'data' }, '/r').dataDir).toBe('/r/data');
  });
  it('refuses a port that is not a number', () => {
    expect(() => loadServerConfig({ PORT: 'abc' }, '/r')).toThrow(/PORT/);
  });
});
