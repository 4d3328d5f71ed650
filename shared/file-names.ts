// File names the program suggests or writes (bundles, documents, spreadsheets, evidence from a peer), made from
// texts anyone may have typed: one rule, so no name adds a folder to a path, hides its extension behind a
// right-to-left mark, or holds a character Windows refuses.
/** A lone half of a surrogate pair (possible in a peer's text) cannot be encoded into a header or a path. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (s: string) => s.replace(LONE, '\uFFFD');
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

/** A name's part (an office's name): unsafe characters as '_', at most `max` characters. */
export function namePart(text: string, max = 30): string {
  return [...wellFormed(text).replace(UNSAFE, '_')].slice(0, max).join('');
}

/** A whole file name: its stem shortened (never its extension) to fit 255 bytes, no trailing dots or spaces. */
export function plainFileName(name: string, fallback = '专班台账导出文件'): string {
  const clean = wellFormed(name).replace(UNSAFE, '_').trim();
  const ext = /.\.[A-Za-z0-9]{1,10}$/.test(clean) ? clean.slice(clean.lastIndexOf('.')) : '';
  let stem = clean.slice(0, clean.length - ext.length).replace(/[. ]+$/, '');
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const chars = [...stem];
  while (chars.length && bytes(chars.join('') + ext) > 255) chars.pop();
  stem = chars.join('').replace(/[. ]+$/, '');
  return stem && stem !== '.' ? `${stem}${ext}` : fallback;
}

/** A made file's reference in the outbox: a random UUID, nothing a path could be built from. */
export const OUTBOX_REF = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
