// Task codes in their natural order: 1.1.1-2 before 1.1.1-10, 4.5.9 before 4.5.10, 2.表.3 before 2.表.12.
// Compared part by part (parts end at '.' or '-'); numeric parts as numbers, others (表, 转) as text, after
// the numbers; a code before the codes it begins (1.1.1 before 1.1.1-1).
//
// The ledger's order is the document's: by battle, then ord, then the code. Tasks added to a section share the
// ord of its last item, and sub-tasks their parent's (the seeded ords are consecutive: there is no room between
// them), so among equal ords only the code decides.

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSep = (c: number) => c === 46 || c === 45; // '.', '-'

/** Where the part starting at `i` ends. */
function partEnd(s: string, i: number): number {
  while (i < s.length && !isSep(s.charCodeAt(i))) i++;
  return i;
}

function allDigits(s: string, from: number, to: number): boolean {
  if (from === to) return false;
  for (let i = from; i < to; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/** Two runs of digits by value, without Number(): a part is not bounded in length. */
function compareNumbers(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  while (i < ie - 1 && a.charCodeAt(i) === 48) i++;
  while (j < je - 1 && b.charCodeAt(j) === 48) j++;
  if (ie - i !== je - j) return ie - i - (je - j);
  for (; i < ie; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
  return 0;
}

function compareText(a: string, i: number, ie: number, b: string, j: number, je: number): number {
  for (; i < ie && j < je; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return a.charCodeAt(i) - b.charCodeAt(j);
  return ie - i - (je - j);
}

/**
 * Negative when `a` comes first. A total order: codes equal part by part yet written differently (1.01 and 1.1,
 * 1.1-1 and 1.1.1) fall back to their text, so only equal codes compare equal.
 * Walks the two strings in place: it sits inside sorts of tens of thousands of rows.
 */
export function compareTaskCodes(a: string, b: string): number {
  let i = 0;
  let j = 0;
  for (;;) {
    const aDone = i > a.length;
    const bDone = j > b.length;
    if (aDone || bDone) {
      if (aDone && bDone) break;
      return aDone ? -1 : 1;
    }
    const ie = partEnd(a, i);
    const je = partEnd(b, j);
    const m = allDigits(a, i, ie);
    const n = allDigits(b, j, je);
    const d = m && n ? compareNumbers(a, i, ie, b, j, je) : m !== n ? (m ? -1 : 1) : compareText(a, i, ie, b, j, je);
    if (d !== 0) return d;
    i = ie + 1;
    j = je + 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Puts each run of neighbours that share a place (`samePlace`: same battle and ord) in the order of their codes,
 * in place, and returns the list. The list comes sorted by place, so a ledger whose places are all distinct costs
 * one pass and no comparison of codes.
 */
export function orderTiesByCode<T>(list: T[], samePlace: (a: T, b: T) => boolean, codeOf: (t: T) => string): T[] {
  let start = 0;
  for (let i = 1; i <= list.length; i++) {
    if (i < list.length && samePlace(list[i - 1]!, list[i]!)) continue;
    if (i - start > 1) {
      const run = list.slice(start, i).sort((x, y) => compareTaskCodes(codeOf(x), codeOf(y)));
      for (let k = 0; k < run.length; k++) list[start + k] = run[k]!;
    }
    start = i;
  }
  return list;
}
