import { defineConfig } from 'vite';

// Builds the end-user web UI (src/web) into dist/web; the fastify server (src/server) serves it at /.
export default defineConfig({
  base: '/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
