import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer from './renderer/vite.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The core runs in a utility process of its own: a second entry, so the main bundle carries no SQLite.
      rolldownOptions: { input: { index: resolve('electron/main/index.ts'), core: resolve('electron/core-process/index.ts') } },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle zod and the contract into the one file.
      externalizeDeps: false,
      outDir: 'out/preload',
      // Sandboxed preloads cannot be ES modules.
      rolldownOptions: { input: { index: resolve('electron/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer,
});
