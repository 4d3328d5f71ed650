// The bracketed clause that assigns a task: "（市商务局牵头，市发改局、市交通运输局等按职责分工负责）",
// "（牵头单位：市教体局）", "（市财政局、市发改局等按职责分工负责）", "(市政府金融办、市市场监管局负责)".
// Where no unit is marked 牵头, the unit named first leads: the convention of these documents
// ("排名第一的为牵头单位"), and what the taskforces do in their ledgers.

export interface UnitAssignment {
  leadUnits: string[];
  coUnits: string[];
  /** The clause as written, for the drawer and for review. */
  clause: string;
  /** True when the lead was taken from the order of names, not from the word 牵头. */
  leadByOrder: boolean;
}

const OPEN = new Set(['（', '(']);
const CLOSE = new Set(['）', ')']);

/** The parenthetical that ends the text (full- or half-width, possibly mixed), or null. */
export function trailingParenthetical(text: string): { inner: string; start: number } | null {
  let end = text.length - 1;
  while (end >= 0 && /[\s。；;]/.test(text[end]!)) end--;
  if (end < 0 || !CLOSE.has(text[end]!)) return null;
  let depth = 0;
  for (let i = end; i >= 0; i--) {
    const c = text[i]!;
    if (CLOSE.has(c)) depth++;
    else if (OPEN.has(c) && --depth === 0) return { inner: text.slice(i + 1, end), start: i };
  }
  return null;
}

const RESPONSIBLE_TAIL = /(等部门|等)?((按|依|按照)职责分工)?(牵头)?(负责)?$/;

/** Splits a list of unit names: 、，, and the joining words 及 / 和 (only where they join names). */
export function splitUnitNames(text: string): string[] {
  return text
    .replace(RESPONSIBLE_TAIL, '')
    .split(/[、，,；;]|及(?=[\u4e00-\u9fff])|等(?:相关)?市直部门和|和(?=各|乡镇)/)
    .map((s) => s.trim().replace(/^(等|和|及)/, '').replace(/(等相关市直部门|等市直部门|等部门|等)$/, '').trim())
    .filter((s) => s.length > 1);
}

export function parseUnitsClause(text: string): UnitAssignment | null {
  const p = trailingParenthetical(text);
  if (!p) return null;
  const clause = p.inner.trim();
  const labelled = /^牵头单位[:：]\s*(.+)$/.exec(clause);
  if (labelled) return { leadUnits: splitUnitNames(labelled[1]!), coUnits: [], clause, leadByOrder: false };
  if (!/牵头|负责/.test(clause)) return null;
  const at = clause.search(/牵头(?!单位)/);
  if (at > 0) {
    const leadUnits = splitUnitNames(clause.slice(0, at));
    const coUnits = splitUnitNames(clause.slice(at + 2).replace(/^负责/, '')).filter((u) => !leadUnits.includes(u));
    return { leadUnits, coUnits, clause, leadByOrder: false };
  }
  const names = splitUnitNames(clause);
  if (names.length === 0) return null;
  return { leadUnits: names.slice(0, 1), coUnits: names.slice(1), clause, leadByOrder: true };
}
