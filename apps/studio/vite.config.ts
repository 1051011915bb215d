import { defineConfig } from 'vite';

// Served by the runtime under /studio; no React plugin needed (esbuild handles the automatic JSX runtime).
export default defineConfig({
  base: '/studio/',
  esbuild: { jsx: 'automatic' },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
