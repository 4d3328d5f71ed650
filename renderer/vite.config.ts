// The renderer build, shared by electron-vite (desktop) and `vite build` (browser mode only).
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// Paths from the package root (where npm runs scripts): electron-vite bundles this file elsewhere, so
// import.meta.dirname would point at its temporary copy.
const root = resolve('renderer');

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rolldownOptions: { input: resolve(root, 'index.html') },
  },
});
