// Reads the 工作任务 part of a battle's implementation plan: sections "（一）…" containing numbered items
// "1.…", each item ending with the units clause. Returns the hierarchy with the document's own numbering.
import { cleanJoin } from './text-lines';
import { parseUnitsClause } from './units-clause';
import { extractTargets, type ExtractedTarget } from './targets-extract';

export interface ParsedItem {
  number: number;
  title: string;
  content: string;
  leadUnits: string[];
  coUnits: string[];
  targets: ExtractedTarget[];
}

export interface ParsedSection {
  number: number;
  title: string;
  content: string;
  targets: ExtractedTarget[];
  items: ParsedItem[];
}

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const SECTION = /^[（(]([一二三四五六七八九十]+)[）)]/;
const ITEM = /^(\d+)[.．](?!\d)/;

function cnNumber(s: string): number {
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + CN_NUMERALS.indexOf(s[1]!) + 1;
  return CN_NUMERALS.indexOf(s) + 1;
}

/** "激发释放消费潜力。把恢复…" → "激发释放消费潜力" (a heading ends at its first full stop). */
export function headingOf(text: string): string {
  const stop = text.indexOf('。');
  return (stop > 0 ? text.slice(0, stop) : text).trim();
}

export function parseTaskSections(lines: readonly string[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let buffer: string[] = [];
  let kind: 'section' | 'item' | null = null;
  let number = 0;

  const flush = () => {
    if (!kind) return;
    const content = cleanJoin(buffer);
    const body = content.replace(kind === 'section' ? SECTION : ITEM, '');
    if (kind === 'section') {
      sections.push({ number, title: headingOf(body), content: body, targets: extractTargets(body), items: [] });
    } else {
      const section = sections.at(-1);
      if (!section) throw new Error(`item ${number} appears before any section`);
      const units = parseUnitsClause(body);
      section.items.push({
        number,
        title: headingOf(body),
        content: body,
        leadUnits: units?.leadUnits ?? [],
        coUnits: units?.coUnits ?? [],
        targets: extractTargets(body),
      });
    }
  };

  let nextSection = 1;
  let nextItem = 1;
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) continue;
    const s = SECTION.exec(line);
    if (s && cnNumber(s[1]!) === nextSection) {
      flush();
      kind = 'section';
      number = nextSection++;
      nextItem = 1;
      buffer = [line];
      continue;
    }
    // Wrapped lines can start with a number ("62.69亿元"), so an item starts only with the next expected number.
    const i = ITEM.exec(line);
    if (i && kind && Number(i[1]) === nextItem) {
      flush();
      kind = 'item';
      number = nextItem++;
      buffer = [line];
      continue;
    }
    buffer.push(line);
  }
  flush();
  return sections;
}
