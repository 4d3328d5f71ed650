// Deadlines as plans write them, read into dates: "6月底前", "年底前", "2023年9月30日前", "9月投入使用",
// "三季度", "5月底前动工，12月底前完工" (a milestone, then the due date), "长期坚持" (none), "每季度" (recurring).
// A 完成时限 cell is all deadline; in a task's own text only phrases that read as one count, and dates before
// the plan's year are history, not deadlines.

export interface Deadline {
  /** The last date stated: what the task is due by; '' when none. */
  due: string;
  /** Earlier dates, with the word that follows each ("动工"). */
  milestones: { date: string; text: string }[];
  /** "每季度", "每月"…: work that recurs rather than ends. */
  recurring: string;
  /** 长期坚持 / 持续推进: stated as having no end. */
  ongoing: boolean;
  /** The words the dates were read from. */
  phrase: string;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 〇: 0, 零: 0, 元: 1 };

function monthNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.startsWith('十')) return 10 + (CN_DIGIT[s[1]!] ?? 0);
  return CN_DIGIT[s] ?? 0;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
function iso(y: number, m: number, d?: number): string {
  if (m < 1 || m > 12) return '';
  const last = lastDay(y, m);
  return `${y}-${pad(m)}-${pad(Math.min(d ?? last, last))}`;
}
const QUARTER_END: Record<string, number> = { 一: 3, '1': 3, 二: 6, '2': 6, 三: 9, '3': 9, 四: 12, '4': 12 };
const PART_DAY: Record<string, number> = { 上旬: 10, 中旬: 20, 初: 10, 中: 20 };

const M = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const Y = '(20\\d{2})\\s*年';
const PATTERNS: readonly { re: RegExp; at: (m: RegExpExecArray, year: number) => string; cue: boolean }[] = [
  // As a spreadsheet or a form writes dates: 2024-06-30, 2024.6.30, 2024/6/30, 2024.6.
  { re: /(20\d{2})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/g, at: (m) => iso(+m[1]!, +m[2]!, +m[3]!), cue: false },
  { re: /(20\d{2})[-./](\d{1,2})(?![-./\d])/g, at: (m) => iso(+m[1]!, +m[2]!), cue: false },
  // "6.30前": month and day, with the word that makes it a deadline.
  { re: /(?<![\d.])(\d{1,2})\.(\d{1,2})(?=前|之前|以前)/g, at: (m, y) => iso(y, +m[1]!, +m[2]!), cue: false },
  // "明年6月底前" / "次年": the year after the plan's.
  { re: /(?:明年|次年|下一年)(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(上旬|中旬|下旬|初|中|底|末)?/g, at: (m, y) => iso(y + 1, monthNumber(m[1]!), PART_DAY[m[2] ?? '']), cue: false },
  { re: /(?:明年|次年)(年底|年末|底|内|上半年|下半年)/g, at: (m, y) => (m[1]!.includes('上半年') ? iso(y + 1, 6) : iso(y + 1, 12)), cue: false },
  { re: new RegExp(`${Y}\\s*${M}\\s*月\\s*(\\d{1,2})\\s*[日号]`, 'g'), at: (m) => iso(+m[1]!, monthNumber(m[2]!), +m[3]!), cue: false },
  { re: new RegExp(`${Y}\\s*${M}\\s*月(?:份)?\\s*(上旬|中旬|下旬|初|中|底|末)?`, 'g'), at: (m) => iso(+m[1]!, monthNumber(m[2]!), PART_DAY[m[3] ?? '']), cue: false },
  { re: new RegExp(`(?:${Y})?\\s*(上半年|下半年|第?[一二三四1-4]\\s*季度)(末|底)?`, 'g'), at: (m, y) => quarter(m[1] ? +m[1] : y, m[2]!), cue: false },
  { re: new RegExp(`${Y}\\s*(年底|底|末|年末|内|年内|全年)`, 'g'), at: (m) => iso(+m[1]!, 12), cue: false },
  { re: new RegExp(`(?<![\\d年])${M}\\s*月\\s*(\\d{1,2})\\s*[日号]`, 'g'), at: (m, y) => iso(y, monthNumber(m[1]!), +m[2]!), cue: false },
  { re: new RegExp(`(?<![\\d年])${M}\\s*月(?:份)?\\s*(上旬|中旬|下旬|初|中|底|末)?`, 'g'), at: (m, y) => iso(y, monthNumber(m[1]!), PART_DAY[m[2] ?? '']), cue: true },
  { re: /(年底|年末|年内|年前|本年度|今年内|年度内|当年)/g, at: (_m, y) => iso(y, 12), cue: false },
];

function quarter(y: number, word: string): string {
  if (word.startsWith('上半年')) return iso(y, 6);
  if (word.startsWith('下半年')) return iso(y, 12);
  const q = /([一二三四1-4])/.exec(word)?.[1] ?? '';
  return QUARTER_END[q] ? iso(y, QUARTER_END[q]!) : '';
}

/** In running text a bare month is a deadline only with a word of timing after it ("6月底前", "9月投入使用"). */
const CUE_AFTER = /^(底|末|前|之前|以前|上旬|中旬|下旬|份?前|份?完成|完成|建成|投入|投用|动工|开工|完工|竣工|启动|实现|出台|印发|上线|运行|开通|交付|通车|开业|开园|开放|达到|全面|基本|力争|底前)/;
const ONGOING = /长期坚持|持续推进|长期推进|长期开展|持续开展|常态化|长期|持续/;
const RECURRING = /每(年|季度|季|个季度|月|半年|周|旬|两月|双月)/;
const YEAR_RANGE = /(20\d{2})\s*(?:年)?\s*[—–\-－~～至到]\s*(20\d{2})\s*年/;

interface Hit { start: number; end: number; date: string }

function hits(text: string, year: number, inline: boolean): Hit[] {
  const found: Hit[] = [];
  const taken = (s: number, e: number) => found.some((h) => s < h.end && e > h.start);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!m[0].trim() || taken(start, end)) continue;
      if (inline && p.cue && !m[m.length - 1] && !CUE_AFTER.test(text.slice(end).trimStart())) continue;
      // "每年3月" recurs; "2022年6月" in a plan of 2023 is history.
      if (inline && /每$/.test(text.slice(Math.max(0, start - 2), start).replace(/年$/, ''))) continue;
      const date = p.at(m, year);
      if (!date) continue;
      // A past date still takes its words, so that "2022年底" is not read again as "年底".
      found.push({ start, end, date: inline && date < `${year}-01-01` ? '' : date });
    }
  }
  return found.filter((h) => h.date).sort((a, b) => a.start - b.start);
}

function wordAfter(text: string, end: number): string {
  return /^(?:前|之前|底前|以前)?[，,]?\s*([\u4e00-\u9fff]{2,4}?)(?=[，,。；;、]|$|并|前)/.exec(text.slice(end))?.[1] ?? '';
}

/**
 * Reads a deadline. `inline` is for a task's own text (only timing phrases count, and only this year or later);
 * otherwise the text is a 完成时限 cell or label, where a lone year ("2024年") means its end.
 */
const CN_YEAR_DIGIT: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

export function readDeadline(text: string, year: number, inline = false): Deadline {
  // "二〇二四年" is 2024年.
  const clean = text.replace(/\s+/g, '').replace(/[〇零一二三四五六七八九]{4}(?=年)/g, (y) => [...y].map((c) => CN_YEAR_DIGIT[c]).join(''));
  const none: Deadline = { due: '', milestones: [], recurring: RECURRING.exec(clean)?.[0] ?? '', ongoing: false, phrase: '' };
  const found = hits(clean, year, inline);
  if (!inline) {
    const range = YEAR_RANGE.exec(clean);
    if (range && !found.some((h) => h.date.startsWith(range[2]!))) found.push({ start: range.index, end: range.index + range[0].length, date: iso(+range[2]!, 12) });
    if (found.length === 0) {
      const lone = /(20\d{2})\s*年?$/.exec(clean) ?? /^(20\d{2})\s*年/.exec(clean);
      if (lone) found.push({ start: lone.index, end: lone.index + lone[0].length, date: iso(+lone[1]!, 12) });
    }
  }
  if (found.length === 0) return { ...none, ongoing: ONGOING.test(clean) && !none.recurring };
  const last = found.reduce((a, b) => (b.date >= a.date ? b : a));
  const milestones = found
    .filter((h) => h !== last && h.date < last.date)
    .map((h) => ({ date: h.date, text: wordAfter(clean, h.end) }))
    .filter((m, i, all) => all.findIndex((o) => o.date === m.date) === i);
  const phrase = clean.slice(found[0]!.start, Math.min(clean.length, last.end + 6));
  return { due: last.date, milestones, recurring: none.recurring, ongoing: false, phrase };
}

/** A deadline's earlier dates as the ledger's milestones: the document gives no percent, so they are spread evenly. */
export function milestonesOf(d: Deadline): { date: string; percent: number; text: string }[] {
  return d.milestones.map((m, i, all) => ({ date: m.date, percent: Math.round(((i + 1) * 100) / (all.length + 1)), text: m.text }));
}
