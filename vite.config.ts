import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    strictPort: false,
    // The dashboard reads only the supervision service (`npm run cli -- serve`, port 8787).
    proxy: { '/api': { target: 'http://127.0.0.1:8787', changeOrigin: false } },
  },
  preview: { port: 4173, strictPort: false },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // The CLI tests start the real CLI as a child process (~4 s each on a loaded machine).
          testTimeout: 30000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'jsdom',
          include: ['tests/integration/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/setup/integration.ts', 'tests/setup/feed-server.ts'],
          testTimeout: 20000,
        },
      },
      {
        extends: true,
        test: {
          // The service over real HTTP on a temp DuckDB file and the demo feed on random ports.
          name: 'service',
          environment: 'node',
          include: ['tests/service/**/*.test.ts'],
          testTimeout: 120000,
          hookTimeout: 120000,
          fileParallelism: false,
        },
      },
    ],
  },
});
