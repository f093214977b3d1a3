// The workbench page (issue 8): Preact views, the model in Web Workers, built into web/dist, which
// `brink serve` serves. `npm run dev:web` proxies the API to a `brink serve` on port 8080.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 8000, reportCompressedSize: false },
  worker: { format: 'es' },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
