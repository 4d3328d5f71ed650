// Finds quantified targets inside a task's text ("社会消费品零售总额132亿元以上", "增长 20%", "10 余次").
// A first cut: it reads numbers followed by a known unit and names them by the words just before.
import type { Comparison, TargetKind } from '../../../../shared/domain';

export interface ExtractedTarget {
  name: string;
  /** Where it stands in the text (for naming a following "均…"); not part of the seed. */
  sentence?: number;
  value: number;
  unit: string;
  kind: TargetKind;
  comparison: Comparison;
  text: string;
}

const MONEY = ['亿元', '万元', '元', '亿'];
const COUNTS = ['万平方米', '万人次', '人次', '万户', '万人', '万方', '万亩', '公里', '个', '家', '次', '户', '件', '项', '所', '人', '场', '座', '条', '名', '批', '期', '辆', '套', '平方米', '亩', '吨', '千瓦'];
const UNITS = ['%', '个月', ...MONEY, ...COUNTS].sort((a, b) => b.length - a.length);

const unitAlt = UNITS.map((u) => u.replace(/[%]/g, '\\$&')).join('|');
const PATTERN = new RegExp(`(\\d+(?:\\.\\d+)?)(余)?(${unitAlt})(以上|左右|以内|以下)?`, 'g');
const LEAD_VERBS = /^(力争|实现|完成|达到|突破|新增|累计|全年|确保|争取|计划|其中|同时|年度|2023年)+/;

function nameBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 40), index);
  const cut = Math.max(...['，', '。', '；', '、', '：', '（', '）'].map((p) => before.lastIndexOf(p)));
  const name = before.slice(cut + 1).replace(LEAD_VERBS, '');
  return name.replace(/(增长|达|达到|为|至|降至|超过|突破|稳定在|控制在|保持在|提高到)$/, '') || name;
}

/** Inside “…” a number is part of a name (“稳增长20条”, “100个产品创新强基”), not a target. */
function insideQuotes(text: string, index: number): boolean {
  const before = text.slice(0, index);
  return before.lastIndexOf('“') > before.lastIndexOf('”');
}

/** "2所乡镇标准化寄宿制学校建设": nothing names the number before it, so the words after it do. */
function nameAfter(text: string, end: number): string {
  const after = text.slice(end, end + 24);
  const stop = after.search(/[，。；、：（）,;]/);
  return (stop >= 0 ? after.slice(0, stop) : after).replace(/^(的|以上|左右)/, '');
}

/** "城乡…分别增长9%、10%": the usual pairs a 分别 splits into, in the order the values follow. */
const PAIRS: [string, string[]][] = [
  ['城乡', ['城镇', '农村']],
  ['存贷款', ['存款', '贷款']],
  ['进出口', ['进口', '出口']],
];

function splitName(base: string, index: number): string {
  for (const [whole, parts] of PAIRS) if (base.includes(whole) && parts[index]) return base.replace(whole, parts[index]!);
  return `${base}（${index + 1}）`;
}

/** Names of a 分别 / 均 list: "力争旅游接待游客、总收入分别" → "旅游接待游客、总收入". */
function enumeratedBefore(text: string, index: number): string {
  const before = text.slice(Math.max(0, index - 60), index);
  const cut = Math.max(...['，', '。', '；', '：'].map((p) => before.lastIndexOf(p)));
  return before
    .slice(cut + 1)
    .replace(LEAD_VERBS, '')
    .replace(/(分别|均)?(增长|达到|达|为|突破)?$/, '')
    .replace(/(分别|均)$/, '');
}

export function extractTargets(text: string): ExtractedTarget[] {
  const out: ExtractedTarget[] = [];
  // A "分别" name waiting for its values, and how many it has had.
  let respectively: { base: string; next: number; end: number } | null = null;
  // Targets of the current sentence, for a following "均增长…".
  let sentenceStart = 0;
  for (const m of text.matchAll(PATTERN)) {
    const [whole, num, approx, unit, qualifier] = m;
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    // Years ("2023年") and list numbers are not targets; neither is a bare number without a unit.
    if (/\d$/.test(before) || insideQuotes(text, m.index)) continue;
    const value = Number(num);
    let kind: TargetKind;
    if (unit === '%') kind = /增长|提高|增加|提升/.test(before) ? 'growth' : 'ratio';
    else if (MONEY.includes(unit!)) kind = 'absolute';
    else kind = 'count';
    let comparison: Comparison = 'eq';
    // "10余次" means more than ten, the same promise as "10次以上".
    if (qualifier === '以上' || approx) comparison = 'gte';
    else if (qualifier === '左右') comparison = 'about';
    else if (qualifier === '以内' || qualifier === '以下' || /降至|控制在|低于/.test(before)) comparison = 'lte';
    const sentence = Math.max(...['。', '；'].map((p) => text.lastIndexOf(p, m.index)));
    if (sentence >= sentenceStart) sentenceStart = sentence + 1;
    const named = nameBefore(text, m.index);
    const lead = text.slice(Math.max(0, m.index - 12), m.index);
    let name: string;
    if (respectively && text.slice(respectively.end, m.index).trim() === '、') {
      // The next value of a 分别 list.
      name = splitName(respectively.base, respectively.next++);
    } else if (/分别(增长|达到|达|为)?$/.test(lead)) {
      const names = enumeratedBefore(text, m.index);
      const follows = text.slice(m.index + whole.length).trimStart().startsWith('、');
      if (names.includes('、') || !follows) {
        name = names; // several names, one value: "旅游接待游客、总收入分别增长20%"
        respectively = null;
      } else {
        respectively = { base: names, next: 1, end: 0 };
        name = splitName(names, 0);
      }
    } else if (/均(增长|达到|达|为)?$/.test(lead)) {
      // "…，均增长20%": the targets just named in this sentence.
      name = out.filter((t) => (t.sentence ?? -1) >= sentenceStart).map((t) => t.name).join('、') || named;
    } else {
      respectively = null;
      name = named.length >= 3 ? named : `${named}${nameAfter(text, m.index + whole.length)}` || named;
    }
    if (respectively) respectively.end = m.index + whole.length;
    out.push({ name: name.trim(), value, unit: unit === '亿' ? '亿元' : unit!, kind, comparison, text: whole, sentence: m.index });
  }
  return out.map(({ sentence: _s, ...t }) => t);
}
