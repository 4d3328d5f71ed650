// Bundles the browser-mode host (electron/host/index.ts and the core it uses) into out/host/index.mjs, with
// npm packages left as imports. Run by npm start when the sources are newer, and by the benchmark.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../electron/host/index.ts', import.meta.url).pathname],
  outfile: new URL('../out/host/index.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
