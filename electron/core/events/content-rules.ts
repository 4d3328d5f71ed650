// What an event may say, field by field, checked before it is folded: an event from another office is signed by
// its author, but a valid signature says only who wrote it, not that what it wrote fits the tables. A malformed
// value folded once breaks every later read of that row (a drawer, the 台账 list, this office's own export), so
// a received event whose content is wrong is quarantined with the reason, and its author's later events go on.
//
// Hand-written checks rather than a schema library: this runs once per event of a 100,000-event bundle.
import { EVIDENCE, TEXT_MAX } from '../../../shared/limits';
import { closeoutStates } from '../../../shared/workflow';
import { decisionKinds } from '../../../shared/meetings';
import { problemSources } from '../../../shared/problems';
import { supervisionKinds } from '../../../shared/supervision';
import { comparisons, targetKinds } from '../../../shared/domain';
import { cadences } from '../../../shared/indicators';
import { reportKinds } from '../../../shared/report';
import type { Json } from './canonical';
import { EVENT_SCHEMA_VERSION, type LedgerEvent } from './event';
import { entitySpecs, isEntityName, type EntityName, type FieldKind } from './entities';

const HASH = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])(-[123])?$/;
/** Longer than any text a form accepts (a plan item's full text, meeting minutes), far below the body cap. */
const MAX_TEXT = 200_000;
const MAX_IDS = 1_000;

type Check = (v: Json) => string | null;

const isRecord = (v: Json): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const oneOf =
  (values: readonly string[], what: string): Check =>
  (v) =>
    values.includes(v as string) ? null : `${what}“${String(v).slice(0, 20)}”不是本程序认识的值`;
const intIn =
  (lo: number, hi: number, what: string): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi ? null : `${what}应为 ${lo}–${hi} 的整数`;
const dateOrEmpty =
  (what: string): Check =>
  (v) =>
    v === '' || DATE.test(v as string) ? null : `${what}不是日期（应为 2023-03-16）`;
const ids =
  (what: string): Check =>
  (v) =>
    Array.isArray(v) && v.length <= MAX_IDS && v.every((x) => typeof x === 'string' && x.length >= 1 && x.length <= 200) ? null : `${what}应为单位或任务的列表`;

const milestones: Check = (v) =>
  Array.isArray(v) &&
  v.length <= 24 &&
  v.every(
    (m) =>
      isRecord(m) &&
      Object.keys(m).every((k) => k === 'date' || k === 'percent' || k === 'text') &&
      typeof m.date === 'string' &&
      DATE.test(m.date) &&
      Number.isInteger(m.percent) &&
      (m.percent as number) >= 1 &&
      (m.percent as number) <= 100 &&
      (m.text === undefined || (typeof m.text === 'string' && m.text.length <= 200)),
  )
    ? null
    : '时间节点的格式不对';

const evidence: Check = (v) =>
  Array.isArray(v) &&
  v.length <= 5 &&
  v.every(
    (f) =>
      isRecord(f) &&
      Object.keys(f).length === 3 &&
      typeof f.name === 'string' &&
      f.name.length <= TEXT_MAX.fileName &&
      typeof f.sha256 === 'string' &&
      HASH.test(f.sha256) &&
      Number.isInteger(f.size) &&
      (f.size as number) >= 1 &&
      (f.size as number) <= EVIDENCE.fileBytes,
  )
    ? null
    : '附件清单的格式不对（名称、SHA-256、大小）';

const texts: Check = (v) =>
  isRecord(v) && Object.keys(v).length <= 100 && Object.entries(v).every(([k, x]) => k.length <= 64 && k !== '__proto__' && typeof x === 'string' && x.length <= 20_000)
    ? null
    : '公文文字的格式不对';

/** Rules beyond the column's kind, for the fields whose values the rest of the program relies on. */
const RULES: Partial<Record<EntityName, Record<string, Check>>> = {
  battle: { code: intIn(1, 99, '仗的序号'), memberUnitIds: ids('成员单位') },
  unit: { aliases: ids('别名') },
  task: {
    leadUnitIds: ids('牵头单位'),
    coUnitIds: ids('配合单位'),
    dueDate: dateOrEmpty('完成时限'),
    milestones,
    listType: oneOf(['project', 'work', 'responsibility', ''], '清单类型'),
    voidedOn: dateOrEmpty('作废日期'),
  },
  replica: { role: oneOf(['center', 'taskforce', 'unit', ''], '角色'), battle: intIn(0, 99, '所属的仗') },
  grant: { role: oneOf(['center', 'taskforce', 'unit', ''], '角色'), battle: intIn(0, 99, '所属的仗') },
  progress: { percent: intIn(0, 100, '完成进度'), period: (v) => (PERIOD.test(v as string) ? null : '报告期的格式不对'), evidence, reportedOn: dateOrEmpty('报送日期'), voidedOn: dateOrEmpty('作废日期') },
  closeout: {
    state: oneOf(closeoutStates, '销号状态'),
    requestedOn: dateOrEmpty('申请日期'),
    decidedOn: dateOrEmpty('审批日期'),
    answeredOn: dateOrEmpty('说明日期'),
    withdrawnOn: dateOrEmpty('撤回日期'),
    voidedOn: dateOrEmpty('作废日期'),
  },
  // Every value the pages read back through an enumeration is one of its values: one odd value folded would fail
  // that page's output check at every office.
  target: { kind: oneOf([...targetKinds, ''], '指标类型'), comparison: oneOf([...comparisons, ''], '比较方式') },
  report: { texts, number: intIn(0, 100_000, '公文编号'), year: intIn(1900, 2999, '年度'), kind: oneOf(reportKinds, '公文种类') },
  problem: {
    deadline: dateOrEmpty('整改时限'),
    foundOn: dateOrEmpty('交办日期'),
    clearedOn: dateOrEmpty('整改完成日期'),
    state: oneOf(['open', 'cleared'], '问题状态'),
    source: oneOf(problemSources, '问题来源'),
    voidedOn: dateOrEmpty('作废日期'),
  },
  supervision: { taskIds: ids('督办的任务'), kind: oneOf(supervisionKinds, '督办类型'), period: (v) => (v === '' || PERIOD.test(v as string) ? null : '报告期的格式不对') },
  indicator: { cadence: oneOf(cadences, '填报周期'), kind: oneOf(targetKinds, '指标类型'), comparison: oneOf(comparisons, '比较方式') },
  indicatorValue: { value: (v) => (Number.isFinite(v) ? null : '指标值应为数字') },
  decision: { kind: oneOf(decisionKinds, '决定类型'), voidedOn: dateOrEmpty('作废日期') },
  instruction: { givenOn: dateOrEmpty('批示日期'), replyBy: dateOrEmpty('回复时限'), repliedOn: dateOrEmpty('回复日期'), voidedOn: dateOrEmpty('作废日期') },
};

function kindProblem(kind: FieldKind, v: Json): string | null {
  switch (kind) {
    case 'text':
      return typeof v === 'string' ? (v.length <= MAX_TEXT ? null : '文字过长') : '应为文字';
    case 'int':
      return Number.isSafeInteger(v) ? null : '应为整数';
    case 'real':
      return Number.isFinite(v) ? null : '应为数字';
    case 'bool':
      return typeof v === 'boolean' ? null : '应为是或否';
    case 'json':
      return null;
  }
}

/** Null when the event may be folded; otherwise what is wrong with it, in Chinese. */
export function contentProblem(e: LedgerEvent): string | null {
  if (e.schemaVersion !== EVENT_SCHEMA_VERSION) return `记录由更新版本的专班台账写入（格式 ${e.schemaVersion}），请升级本程序后再同步`;
  if (!isEntityName(e.entity)) return `未知的记录类型“${e.entity.slice(0, 40)}”`;
  // The basis (the clocks an edit replaced) is only compared as text, to tell concurrent edits apart: its shape is
  // checked with the event's (event-shape.ts), and a wrong one can mislabel a conflict, never break a table.
  if (e.op === 'delete') return Object.keys(e.fields).length ? '删除记录不应带有字段' : null;
  const spec = entitySpecs[e.entity].fields as Record<string, { kind: FieldKind }>;
  const rules = RULES[e.entity];
  const keys = Object.keys(e.fields);
  if (!keys.length) return '记录没有任何字段';
  for (const field of keys) {
    // Own properties only: "__proto__" or "constructor" as a field name must not find Object's.
    if (!own(spec, field)) return `${e.entity} 记录含有本程序不认识的字段“${field.slice(0, 40)}”`;
    const value = e.fields[field]!;
    const wrong = kindProblem(spec[field]!.kind, value) ?? (rules && own(rules, field) ? rules[field]!(value) : null);
    if (wrong) return `字段“${field}”的值不对：${wrong}`;
  }
  return null;
}
