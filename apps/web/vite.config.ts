/**
 * The web client's build. `npm run build` writes apps/web/dist, which the server serves.
 * `npx vite --config apps/web/vite.config.ts` runs it with HMR, proxying /api to a running server
 * (KECHUANG_API, default http://localhost:3000).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.KECHUANG_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
