// The dependency rule of README's "How it is built", checked on the import graph itself: each layer imports only
// the layers below it, and no module reaches itself again through its imports. Type-only imports are edges too: a
// type that must come from above is a sign that it lives in the wrong module.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const SOURCE_ROOTS = ['shared', 'electron', 'renderer/src'];

type Layer = 'shared' | 'core' | 'main' | 'core-process' | 'host' | 'cli' | 'preload' | 'renderer';

/** What each layer may import besides itself. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  shared: [],
  core: ['shared'],
  main: ['core', 'shared'],
  // The core's own process under Electron: a shell like the host, serving the core over a message port.
  'core-process': ['core', 'shared'],
  host: ['core', 'shared'],
  cli: ['core', 'shared'],
  preload: ['shared'],
  renderer: ['shared'],
};

function layerOf(file: string): Layer | null {
  if (file.startsWith('shared/')) return 'shared';
  if (file.startsWith('renderer/src/')) return 'renderer';
  const m = /^electron\/(core-process|core|main|host|cli|preload)\//.exec(file);
  return m ? (m[1] as Layer) : null;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** A relative specifier as the bundler resolves it; null for a file that is not a module of ours (a stylesheet). */
function resolveSpecifier(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.replace(/\?.*$/, '').replace(/\.js$/, ''));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  if (existsSync(base)) return null;
  throw new Error(`${relative(ROOT, from)}: cannot resolve "${spec}"`);
}

/** file → the files it imports (static, re-exports, type-only and dynamic imports alike), paths relative to the root. */
function importGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of SOURCE_ROOTS.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveSpecifier(file, fileName);
      if (target) targets.add(relative(ROOT, target).split('\\').join('/'));
    }
    graph.set(relative(ROOT, file).split('\\').join('/'), targets);
  }
  return graph;
}

/** Strongly connected components with a cycle in them (Tarjan): their files, and one cycle through them. */
function cycles(graph: Map<string, Set<string>>): { files: string[]; cycle: string[] }[] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: { files: string[]; cycle: string[] }[] = [];

  const connect = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set<string>();
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.add(w);
    } while (w !== v);
    if (component.size > 1 || graph.get(v)?.has(v)) found.push({ files: [...component].sort(), cycle: shortestCycle(graph, v, component) });
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) connect(v);
  return found;
}

/** The shortest way from start back to itself inside its component (breadth first). */
function shortestCycle(graph: Map<string, Set<string>>, start: string, component: Set<string>): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = cameFrom.get(u)!) path.unshift(u);
        path.unshift(start);
        return path;
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

describe('layering', () => {
  const graph = importGraph();

  it('finds the modules and their imports', () => {
    // A parser that saw nothing would pass every rule below.
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('electron/core/handlers.ts')?.size).toBeGreaterThan(5);
    expect([...graph.keys()].every((f) => layerOf(f) !== null)).toBe(true);
  });

  it('each layer imports only the layers below it', () => {
    const offending: string[] = [];
    for (const [from, targets] of graph) {
      const layer = layerOf(from)!;
      for (const to of targets) {
        const target = layerOf(to);
        if (target === layer || (target && ALLOWED[layer].includes(target))) continue;
        offending.push(`${from} (${layer}) → ${to} (${target ?? 'outside the source roots'})`);
      }
    }
    expect(offending, `imports across the layering rule:\n${offending.join('\n')}`).toEqual([]);
  });

  it('has no import cycles', () => {
    const found = cycles(graph).map(({ files, cycle }) => `${cycle.join(' → ')}${files.length > cycle.length - 1 ? `\n  (one of the cycles among ${files.join(', ')})` : ''}`);
    expect(found, `import cycles:\n${found.join('\n')}`).toEqual([]);
  });
});
