// The paragraph that sets up a battle's taskforce: "成立打好…工作专班，由…任第一召集人，…任召集人，…任副召集人，
// 成员单位包括A、B…等，专班办公室设在X，负责日常协调和调度工作。" Some plans split it into two or three sentences.
import { splitUnitNames } from './units-clause';

export interface Mechanism {
  conveners: string;
  memberUnits: string[];
  office?: string;
}

const START = /(?:成立|建立)(?:打好[^，。]*?)?工作专班，/g;

export function parseMechanism(text: string): Mechanism | null {
  for (const m of text.matchAll(START)) {
    const window = text.slice(m.index + m[0].length, m.index + m[0].length + 800);
    if (!/召集人/.test(window.slice(0, window.search(/成员单位|$/)))) continue;
    const conveners = window
      .slice(0, window.search(/[，。]?成员单位|。/))
      .replace(/^由/, '')
      .replace(/[，,]$/, '');
    const members = /成员单位(?:包括|为|有|[:：])([^。]*)/.exec(window)?.[1] ?? '';
    const end = members.search(/等所有|等?(，|$)(专班)?办公室|等?，负责|等$/);
    const memberUnits = splitUnitNames(end >= 0 ? members.slice(0, end) : members);
    const office = /(?:专班)?办公室设在([^，。]+)/.exec(window)?.[1] ?? /专班办公室设在([^，。]+)/.exec(text)?.[1];
    return { conveners, memberUnits, office };
  }
  return null;
}
