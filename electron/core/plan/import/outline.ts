// Cuts a plan document into its parts: the covering notice, the main plan's chapters (一、二、…), and each
// annex (附件 N) with its own chapters and, where it has one, its task table (附件：…分解表).
import { cnNumber } from './numerals';

export interface Chapter {
  number: number;
  title: string;
  lines: string[];
}

export interface TablePart {
  title: string;
  lines: string[];
}

export interface AnnexPart {
  number: number;
  title: string;
  chapters: Chapter[];
  table?: TablePart;
}

export interface Outline {
  notice: string[];
  main: Chapter[];
  annexList: string[];
  annexes: AnnexPart[];
}

const ANNEX_START = /^附件\s*(\d+)$/;
const CHAPTER = /^([一二三四五六七八九十]+)、\s*(\S{2,20})$/;
const ATTACHMENT_NOTE = /^附件[:：]\s*(.+)$/;

/** Chapters of a run of lines; headings must count up from 一 so that a stray "二、…" in a sentence is text. */
function chapters(lines: readonly string[]): { before: string[]; chapters: Chapter[] } {
  const out: Chapter[] = [];
  const before: string[] = [];
  for (const line of lines) {
    const m = CHAPTER.exec(line);
    if (m && cnNumber(m[1]!) === out.length + 1) {
      out.push({ number: out.length + 1, title: m[2]!, lines: [] });
      continue;
    }
    (out.at(-1)?.lines ?? before).push(line);
  }
  return { before, chapters: out };
}

function splitAnnex(number: number, lines: readonly string[]): AnnexPart {
  const [title = '', ...rest] = lines;
  const noteAt = rest.findIndex((l) => ATTACHMENT_NOTE.test(l));
  const body = noteAt >= 0 ? rest.slice(0, noteAt) : rest;
  const annex: AnnexPart = { number, title, chapters: chapters(body).chapters };
  if (noteAt >= 0) {
    const tableTitle = ATTACHMENT_NOTE.exec(rest[noteAt]!)![1]!;
    annex.table = { title: tableTitle, lines: rest.slice(noteAt + 1) };
  }
  return annex;
}

export function outlineDocument(lines: readonly string[]): Outline {
  const starts: { at: number; number: number }[] = [];
  lines.forEach((l, at) => {
    const m = ANNEX_START.exec(l);
    if (m && Number(m[1]) === starts.length + 1) starts.push({ at, number: Number(m[1]) });
  });
  const mainEnd = starts[0]?.at ?? lines.length;
  const mainLines = lines.slice(0, mainEnd);
  const listAt = mainLines.findIndex((l) => ATTACHMENT_NOTE.test(l));
  const { before, chapters: main } = chapters(listAt >= 0 ? mainLines.slice(0, listAt) : mainLines);
  const annexList = listAt >= 0 ? mainLines.slice(listAt) : [];
  const annexes = starts.map((s, i) => splitAnnex(s.number, lines.slice(s.at + 1, starts[i + 1]?.at ?? lines.length)));
  return { notice: before, main, annexList, annexes };
}
