// The numbered structure of a document, whatever numbering it uses: 第一部分 / 一、 / （一） / 1. / （1） / ①.
// Lines without a number continue the item above them; labelled lines ("牵头单位：…", "完成时限：…") are
// kept apart, since they say who and when rather than what.

import { isUnitLike } from './responsibility';

export interface Item {
  /** 0 = 第X部分/章, 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, 5 = ①. */
  level: number;
  marker: string;
  /** The first line, without its number. */
  head: string;
  /** The item's own further lines (not its children's). */
  body: string[];
  /** Their line numbers. */
  bodyAt: number[];
  /** "牵头单位：…" and the like, directly under the item. */
  labels: string[];
  children: Item[];
  parent: Item | null;
  /** 1-based line of the document where the item starts. */
  line: number;
}

const MARKERS: readonly [number, RegExp][] = [
  [0, /^第([一二三四五六七八九十]+|\d+)(部分|章|篇)\s*/],
  [1, /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*/],
  [2, /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*/],
  [3, /^(\d{1,3})\s*[.．、](?!\d)\s*/],
  [4, /^[（(]\s*(\d{1,3})\s*[）)]\s*/],
  [5, /^([①-⑳])\s*/],
];

export function markerOf(line: string): { level: number; marker: string; rest: string } | null {
  for (const [level, re] of MARKERS) {
    const m = re.exec(line);
    if (m && line.length > m[0].length) return { level, marker: m[1]!, rest: line.slice(m[0].length).trim() };
  }
  return null;
}

export const LABEL_LINE = /^[（(]?\s*(牵头单位|主责单位|主办单位|牵头部门|责任单位|责任部门|实施单位|承办单位|配合单位|协办单位|参与单位|配合部门|协同单位|责任领导|牵头领导|分管领导|责任人|完成时限|完成时间|时间节点|时间要求|时限要求)\s*[:：]/;

export interface NumberedLine {
  text: string;
  line: number;
}

/** Builds the item tree of a run of lines; lines before the first number are returned as `preamble`. */
export function numberedItems(lines: readonly NumberedLine[], isBreak: (l: NumberedLine, i: number) => boolean = () => false): { roots: Item[]; preamble: NumberedLine[] } {
  const roots: Item[] = [];
  const preamble: NumberedLine[] = [];
  const stack: Item[] = [];
  for (const [i, l] of lines.entries()) {
    // A signature, a date or an 附件 heading ends the items above it: what follows is not their text.
    if (isBreak(l, i)) {
      stack.length = 0;
      preamble.push(l);
      continue;
    }
    const m = markerOf(l.text);
    if (m) {
      while (stack.length && stack.at(-1)!.level >= m.level) stack.pop();
      const parent = stack.at(-1) ?? null;
      const item: Item = { level: m.level, marker: m.marker, head: m.rest, body: [], bodyAt: [], labels: [], children: [], parent, line: l.line };
      (parent ? parent.children : roots).push(item);
      stack.push(item);
      continue;
    }
    const current = stack.at(-1);
    if (!current) preamble.push(l);
    else if (LABEL_LINE.test(l.text)) current.labels.push(l.text.replace(/^[（(]|[）)]$/g, ''));
    // A label's value wrapped onto the next line ("责任单位：县发改局、县财" / "政局").
    else if (current.labels.length && current.body.length === 0 && current.children.length === 0 && l.text.length <= 30 && !/[。]/.test(l.text)) {
      const last = current.labels.length - 1;
      // A list of units going on ("县消防救援大队" / "县应急管理局") gets its separator back; a name cut in two does not.
      current.labels[last] += isUnitLike(l.text) && isUnitLike(current.labels[last]!.split(/[:：、，,]/).at(-1) ?? '') ? `、${l.text}` : l.text;
    } else {
      current.body.push(l.text);
      current.bodyAt.push(l.line);
    }
  }
  return { roots, preamble };
}

export function walk(items: readonly Item[], visit: (item: Item) => void): void {
  for (const it of items) {
    visit(it);
    walk(it.children, visit);
  }
}

/** Everything an item says, its children included, as one text. */
export function fullText(item: Item): string {
  return [item.head, ...item.body, ...item.children.map((c) => `${c.marker}. ${fullText(c)}`)].join('');
}
