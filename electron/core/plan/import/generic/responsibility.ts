// Who a plan makes responsible, wherever it says so: "（县发改局牵头，县财政局、县住建局配合）",
// "牵头单位：县教育局；责任单位：县财政局", "（省农业厅牵头）", "责任单位：X、Y" (the first listed leads),
// "X、Y等按职责分工负责". Names are kept as written; merging aliases is the unit directory's job.
import { trailingParenthetical } from '../units-clause';

export interface Responsibility {
  lead: string[];
  co: string[];
  /** The lead was taken from the order of names: nothing said 牵头. */
  leadByOrder: boolean;
  clause: string;
}

const SUFFIX =
  '(局|委|办|办公室|委员会|中心|院|会|队|大队|支队|部|室|处|所|馆|站|社|联|团|厅|署|公司|集团|管委会|管理委员会|政府|人民政府|街道|街道办事处|办事处|镇|乡|行|银行|法院|检察院|党校|学校|医院|协会|机关|指挥部|领导小组|工作组|专班|分局|分行|监狱|海关|税务局|园区|园|区委|县委|市委|州委|省委|集团公司|保险公司|大学|学院|研究院|气象局|供电公司|纪委|监委|宣传部|组织部|统战部|政法委|编办|总工会|团县委|团市委|妇联|科协|残联|工商联|红十字会|文联|侨联|开发区|高新区|经开区|示范区|新区|产业园|工业园)';
const UNIT_END = new RegExp(`${SUFFIX}$`);
const NOT_A_UNIT = /[，。；：:！？]|加强|推进|推动|实施|开展|落实|完成|建立|健全|提升|提高|加快|做好|确保|力争|实现|组织|强化|深化|支持|鼓励|引导|按照|根据|通过|进一步|工作|任务|项目|建设|发展|服务|管理|机制|制度|体系|措施|目标|要求|计划|方案/;

/** 各乡镇、各街道、各相关单位、领导小组各成员单位: many units in one word, never one unit. */
export function isGroupName(name: string): boolean {
  return /^各|相关|有关|成员单位|^其他|部门$|单位$|各级/.test(name);
}

export function isUnitLike(name: string): boolean {
  if (name.length < 2 || name.length > 30) return false;
  if (isGroupName(name)) return /[\u4e00-\u9fff]{2,}/.test(name) && !/[，。；]/.test(name);
  const body = name.replace(/（[^）]*）|\([^)]*\)/g, '');
  // A unit's name may contain 服务/管理 ("政务服务中心", "城市管理局"), but then it ends like a unit and is short.
  if (NOT_A_UNIT.test(body) && !(body.length <= 14 && UNIT_END.test(body) && !/[，。；：:]/.test(body) && !/^(加强|推进|推动|实施|开展|落实|完成|建立|加快|做好|确保|力争)/.test(body))) return false;
  return UNIT_END.test(body);
}

const TAIL = /(等|等相关|等有关)?(相关)?(部门|单位|市直部门|县直部门|区直部门)?(按|依|按照|根据)?(职责|职能)?(分工)?(共同)?(牵头)?(配合|协同|参与|落实|负责|推进|实施)*$/;

/** "县发改局、县财政局和县住建局等" → the names; joining words go, "等" ends the list. */
export function splitNames(text: string): string[] {
  const clean = (s: string) => s.trim().replace(/^(等|和|及|由|会同|协同)/, '').replace(TAIL, '').replace(/等$/, '').trim();
  return text
    // Only a bracket around the whole list goes: "各乡镇（街道）" keeps its own.
    .replace(/^[（(]([^（）()]*)[）)]$/, '$1')
    .replace(/[（(]牵头[）)]/g, '')
    .split(/[、，,；;\/／\s]+/)
    .flatMap((piece) => {
      // "县海洋与渔业局" is one unit, "县发改局和县财政局" two: split at 和/与/及 only where every part is a unit.
      const parts = piece.split(/及|和|与/).map(clean).filter((p) => p.length > 1);
      return parts.length > 1 && parts.every(isUnitLike) ? parts : [clean(piece)];
    })
    .filter((s) => s.length > 1);
}

const LABEL = /(牵头单位|主责单位|主办单位|牵头部门|责任单位|责任部门|实施单位|承办单位|配合单位|协办单位|参与单位|配合部门|协同单位|责任领导|牵头领导|分管领导|责任人|完成时限|完成时间|时间节点|时间要求|时限要求)\s*[:：]/g;

/** Splits "牵头单位：A；责任单位：B、C" into its labelled parts. */
export function labelledParts(text: string): { label: string; value: string }[] {
  const parts: { label: string; value: string; at: number; end: number }[] = [];
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) parts.push({ label: m[1]!, value: '', at: m.index, end: m.index + m[0].length });
  parts.forEach((p, i) => (p.value = text.slice(p.end, parts[i + 1]?.at ?? text.length).replace(/[；;。，,\s]+$/, '').trim()));
  return parts;
}

const LEAD_LABEL = /牵头|主责|主办/;

/** Names marked as the lead inside a list: "县住建局（牵头）、县财政局". */
function markedLeads(value: string): string[] {
  return value
    .split(/[、，,；;\s]+/)
    .map((n) => /^(.+?)[（(]牵头[）)]$/.exec(n.trim())?.[1] ?? '')
    .filter(isUnitLike);
}
const CO_LABEL = /配合|协办|参与|协同/;
const RESP_LABEL = /责任单位|责任部门|实施单位|承办单位/;

function unitsOf(value: string): string[] {
  return splitNames(value).filter(isUnitLike);
}

/** From labelled parts ("牵头单位：…", "配合单位：…"). */
export function fromLabels(parts: readonly { label: string; value: string }[], clause: string): Responsibility | null {
  const lead = parts.filter((p) => LEAD_LABEL.test(p.label) && !/领导/.test(p.label)).flatMap((p) => unitsOf(p.value));
  const resp = parts.filter((p) => RESP_LABEL.test(p.label)).flatMap((p) => unitsOf(p.value));
  const co = parts.filter((p) => CO_LABEL.test(p.label)).flatMap((p) => unitsOf(p.value));
  if (lead.length) return { lead: uniq(lead), co: uniq([...resp, ...co]).filter((u) => !lead.includes(u)), leadByOrder: false, clause };
  // Some plans mark the lead inside the 责任单位 list: "责任单位：县发改局（牵头）、县财政局".
  const marked = parts.filter((p) => RESP_LABEL.test(p.label)).flatMap((p) => markedLeads(p.value));
  if (resp.length) {
    const first = marked.length ? marked : resp.slice(0, 1);
    return { lead: first, co: uniq([...resp, ...co]).filter((u) => !first.includes(u)), leadByOrder: marked.length === 0, clause };
  }
  if (co.length) return { lead: co.slice(0, 1), co: co.slice(1), leadByOrder: true, clause };
  return null;
}

/** From a free clause: "X牵头，Y、Z配合", "X、Y负责", "由X牵头", "X牵头负责". */
export function fromClause(raw: string): Responsibility | null {
  const clause = raw.trim().replace(/^由/, '');
  const parts = labelledParts(clause);
  if (parts.length) return fromLabels(parts, clause);
  if (!/牵头|负责|配合|落实|实施|推进|参与|责任/.test(clause) && !splitNames(clause).every(isUnitLike)) return null;
  const marked = markedLeads(clause);
  if (marked.length) return { lead: marked, co: unitsOf(clause).filter((u) => !marked.includes(u)), leadByOrder: false, clause };
  const at = clause.search(/牵头(?!单位)/);
  if (at > 0) {
    const lead = unitsOf(clause.slice(0, at));
    if (lead.length === 0) return null;
    const co = unitsOf(clause.slice(at + 2).replace(/^(负责|抓总)/, '')).filter((u) => !lead.includes(u));
    return { lead, co, leadByOrder: false, clause };
  }
  const names = unitsOf(clause);
  if (names.length === 0 || names.length < splitNames(clause).length / 2) return null;
  return { lead: names.slice(0, 1), co: names.slice(1), leadByOrder: true, clause };
}

/**
 * The responsibility stated at the end of an item's text: a trailing bracket, or an unbracketed
 * "责任单位：…" / "（牵头单位：…）" tail. Returns the clause and where it starts, so the title can stop before it.
 */
export function trailingResponsibility(full: string): { resp: Responsibility; start: number } | null {
  // A clause is at the end and short: looking at the last 400 characters keeps a runaway paragraph linear.
  const offset = Math.max(0, full.length - 400);
  const found = trailingIn(full.slice(offset));
  return found ? { resp: found.resp, start: found.start + offset } : null;
}

function trailingIn(text: string): { resp: Responsibility; start: number } | null {
  const p = trailingParenthetical(text);
  if (p) {
    const resp = fromClause(p.inner);
    if (resp && resp.lead.length) return { resp, start: p.start };
  }
  const labelled = /(牵头单位|主责单位|责任单位|牵头部门|责任部门)\s*[:：][^。]*$/.exec(text);
  if (labelled) {
    const resp = fromClause(labelled[0]);
    if (resp && resp.lead.length) return { resp, start: labelled.index };
  }
  // "……，由县发改局牵头。" / "……。县教育局牵头，县财政局配合。"
  const sentence = /[。；，]([^。；，]*(牵头|负责)[^。]*)[。]?$/.exec(text);
  if (sentence) {
    const resp = fromClause(sentence[1]!);
    if (resp && resp.lead.length && resp.clause.length <= 80 && !resp.leadByOrder) return { resp, start: sentence.index + 1 };
  }
  return null;
}

/** "县示范区管委会牵头工作（8项）": the heading of a group of tasks names their lead. */
export function headingResponsibility(title: string): Responsibility | null {
  const m = /^(.{2,30}?)(牵头|负责|承担)(的)?(工作|任务|事项|项目)(清单)?\s*([（(]\s*\d+\s*项\s*[）)])?$/.exec(title.replace(/[。：:]$/, ''));
  if (!m) return null;
  const lead = splitNames(m[1]!).filter(isUnitLike);
  return lead.length ? { lead, co: [], leadByOrder: false, clause: title } : null;
}

function uniq(list: string[]): string[] {
  return [...new Set(list)];
}
