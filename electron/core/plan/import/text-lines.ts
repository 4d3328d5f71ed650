// The plan arrives as text extracted from a PDF/Word file: lines broken at the page width, blank lines
// between them, stray spaces at page breaks and around half-width digits. These helpers undo that.

/** Joins wrapped lines, drops the blank ones, and removes spaces a typesetter put between digits and CJK. */
export function cleanJoin(lines: readonly string[]): string {
  return tidySpaces(lines.map((l) => l.trim()).filter(Boolean).join(''));
}

export function tidySpaces(text: string): string {
  const cjk = '\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef\\u201c\\u201d';
  return text
    .replace(new RegExp(`([${cjk}])\\s+(?=[0-9A-Za-z])`, 'g'), '$1')
    .replace(new RegExp(`([0-9A-Za-z%])\\s+(?=[${cjk}])`, 'g'), '$1')
    .replace(new RegExp(`([${cjk}])\\s+(?=[${cjk}])`, 'g'), '$1');
}

/** Removes all white space: how the tests compare our text with the source's. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

export function nonBlankLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Page-number lines of the printed document ("— 17 —", "-3-"), which split a paragraph in two. */
const PAGE_NUMBER = /^[—–-]\s*\d+\s*[—–-]$/;

/** The document as the importer reads it: trimmed, non-blank lines without page numbers. */
export function documentLines(text: string): string[] {
  return nonBlankLines(text.replace(/^\uFEFF/, '')).filter((l) => !PAGE_NUMBER.test(l));
}
