// Reads the 工作任务 chapter of an implementation plan: sections "（一）…" holding numbered items "1.…",
// each ending with its responsibility clause. A section without items but with its own clause is itself a
// task; a section heading's clause ("（市财政局牵头）") assigns the items that have none of their own.
import { cnNumber } from './numerals';
import { cleanJoin } from './text-lines';
import { parseUnitsClause, type UnitAssignment } from './units-clause';
import { extractTargets, type ExtractedTarget } from './targets-extract';

export interface ParsedItem {
  number: number;
  title: string;
  content: string;
  units: UnitAssignment | null;
  targets: ExtractedTarget[];
}

export interface ParsedSection {
  number: number;
  title: string;
  content: string;
  units: UnitAssignment | null;
  targets: ExtractedTarget[];
  items: ParsedItem[];
  /** Remarks printed after the items ("（备注：…）"), kept apart so they do not lengthen the last item. */
  notes: string[];
}

const SECTION = /^[（(]([一二三四五六七八九十]+)[）)]\s*/;
const ITEM = /^(\d+)\s*[.．、](?!\d)\s*/;
const NOTE = /^[（(]\s*(备注|注)[:：]/;

/** A heading ends at its first full stop, or before its clause, or is the whole paragraph. */
export function headingOf(text: string, clauseStart?: number): string {
  const stop = text.indexOf('。');
  let end = stop > 0 ? stop : text.length;
  if (clauseStart !== undefined && clauseStart < end) end = clauseStart;
  return text.slice(0, end).replace(/[，,；;：:]$/, '').trim();
}

function clauseStart(text: string, units: UnitAssignment | null): number | undefined {
  if (!units) return undefined;
  const at = text.lastIndexOf(units.clause);
  return at > 0 ? at - 1 : undefined;
}

export function parseTaskSections(lines: readonly string[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  let buffer: string[] = [];
  let kind: 'section' | 'item' | 'note' | null = null;
  let number = 0;

  const flush = () => {
    if (!kind) return;
    const section = sections.at(-1);
    if (kind === 'note') {
      section?.notes.push(cleanJoin(buffer));
      return;
    }
    const body = cleanJoin(buffer).replace(kind === 'section' ? SECTION : ITEM, '');
    const units = parseUnitsClause(body);
    const title = headingOf(body, clauseStart(body, units));
    if (kind === 'section') {
      sections.push({ number, title, content: body, units, targets: extractTargets(body), items: [], notes: [] });
    } else {
      if (!section) throw new Error(`item ${number} appears before any section`);
      section.items.push({ number, title, content: body, units, targets: extractTargets(body) });
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
    if (NOTE.test(line) && kind) {
      flush();
      kind = 'note';
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
