import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Node entries share the main build: the Electron shell and the browser-mode host.
// Both reach the same handler table (src/main/api.ts); only the Electron entry imports 'electron'.
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/main.ts'),
          host: resolve('src/main/host/cli.ts'),
          restore: resolve('src/main/host/restore-cli.ts'),
          verify: resolve('src/main/host/verify-cli.ts'),
          // A worker thread's script (reports/report-worker.ts), started by the core under both shells.
          'report-worker': resolve('src/main/reports/report-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else (zod) into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts'), prompt: resolve('src/preload/prompt.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
