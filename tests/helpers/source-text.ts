import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The plan's full text, as shipped beside the repository in ../shared/source/. */
export function sourceText(): string {
  const dir = resolve(import.meta.dirname, '../../../shared/source');
  if (!existsSync(dir)) throw new Error(`the plan's source text is expected in ${dir}`);
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error(`no .txt in ${dir}`);
  return readFileSync(join(dir, file), 'utf8');
}

/** The source as one string without white space and without page-number lines ("— 17 —"). */
export function squashedSource(): string {
  return sourceText()
    .split(/\r?\n/)
    .filter((l) => !/^\s*[—–-]\s*\d+\s*[—–-]\s*$/.test(l))
    .join('')
    .replace(/\s+/g, '');
}
