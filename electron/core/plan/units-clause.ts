// The parenthetical at the end of a task assigns it: "（市商务局牵头，市发改局、市交通运输局等按职责分工负责）".
// Lead units come before 牵头; everything after is cooperating units, with the document's stock phrases removed.

export interface UnitAssignment {
  leadUnits: string[];
  coUnits: string[];
  clause: string;
}

const TAIL = /（([^（）]*(?:牵头|负责)[^（）]*)）\s*$/;
const CO_SUFFIXES = /(等)?(按职责分工)?(牵头)?(负责)?$/;

function splitNames(text: string): string[] {
  return text
    .split(/[、，,]/)
    .map((s) => s.trim().replace(CO_SUFFIXES, '').replace(/^等/, '').trim())
    .filter((s) => s.length > 0);
}

export function parseUnitsClause(taskText: string): UnitAssignment | null {
  const m = TAIL.exec(taskText);
  if (!m) return null;
  const clause = m[1]!;
  const at = clause.indexOf('牵头');
  if (at < 0) return { leadUnits: [], coUnits: splitNames(clause), clause };
  const leadUnits = splitNames(clause.slice(0, at));
  const coUnits = splitNames(clause.slice(at + 2)).filter((u) => !leadUnits.includes(u));
  return { leadUnits, coUnits, clause };
}
