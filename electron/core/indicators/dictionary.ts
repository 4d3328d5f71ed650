// 指标体系: every headline target of the plan is an indicator (same id), listed with drafted defaults until someone
// edits it; indicators can also be added by hand. Each is listed with its actuals and how the latest stands.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/errors';
import type { Comparison, TargetKind } from '../../../shared/domain';
import { assess, checkValuePeriod, indicatorEditSchema, valuePeriodEnd, type Cadence, type Indicator, type IndicatorEdit } from '../../../shared/indicators';
import type { Identity } from '../../../shared/workflow';
import type { Json } from '../events/canonical';
import { requirePermission } from '../ledger/permissions';
import { planInfo } from '../ledger/queries';
import type { Store } from '../store/store';
import { resolveUnitId, unitIdByName, unitNames } from '../app/units';

interface Row {
  id: string;
  battleId: string;
  battle: number;
  battleName: string;
  name: string;
  definition: string;
  source: string;
  ownerUnitId: string;
  cadence: Cadence;
  unit: string;
  kind: TargetKind;
  comparison: Comparison;
  baseline: string;
  target: number;
  targetText: string;
  ord: number;
  seeded: boolean;
  edited: boolean;
}

/** Rates are watched monthly; amounts and counts quarterly, until someone says otherwise. */
const defaultCadence = (kind: TargetKind): Cadence => (kind === 'growth' || kind === 'ratio' ? 'monthly' : 'quarterly');

function rows(store: Store): Row[] {
  const plan = planInfo(store);
  const byName = unitIdByName(store);
  const seeded = store.sqlite
    .prepare(
      `SELECT t.id, b.id AS battleId, b.code AS battle, b.short_name AS battleName, b.office, t.name, t.unit, t.kind, t.comparison, t.value AS target, t.text, t.ord
         FROM targets t JOIN battles b ON b.id = t.owner_id
        WHERE t.owner_type = 'battle' AND t.deleted = 0 AND b.plan_id = ?`,
    )
    .all(plan.id) as { id: string; battleId: string; battle: number; battleName: string; office: string; name: string; unit: string; kind: TargetKind; comparison: Comparison; target: number; text: string; ord: number }[];
  const edited = new Map(
    (store.sqlite.prepare('SELECT * FROM indicators WHERE deleted = 0').all() as Record<string, string | number>[]).map((r) => [String(r.id), r]),
  );
  const battles = new Map(
    (store.sqlite.prepare('SELECT id, code, short_name AS name FROM battles WHERE plan_id = ?').all(plan.id) as { id: string; code: number; name: string }[]).map((b) => [b.id, b]),
  );
  const out: Row[] = seeded.map((t) => ({
    id: t.id,
    battleId: t.battleId,
    battle: t.battle,
    battleName: t.battleName,
    name: t.name,
    definition: t.text,
    source: '',
    ownerUnitId: byName.get(t.office) ?? '',
    cadence: defaultCadence(t.kind),
    unit: t.unit,
    kind: t.kind,
    comparison: t.comparison,
    baseline: '',
    target: t.target,
    targetText: t.text,
    ord: t.ord,
    seeded: true,
    edited: false,
  }));
  const seededIds = new Set(out.map((r) => r.id));
  for (const r of out) {
    const e = edited.get(r.id);
    if (e) Object.assign(r, fromDb(e), { battleId: r.battleId, battle: r.battle, battleName: r.battleName, edited: true });
  }
  for (const [id, e] of edited) {
    if (seededIds.has(id)) continue;
    const b = battles.get(String(e.battle_id));
    if (!b) continue;
    out.push({ ...fromDb(e), id, battleId: b.id, battle: b.code, battleName: b.name, seeded: false, edited: true } as Row);
  }
  return out.sort((a, b) => a.battle - b.battle || Number(b.seeded) - Number(a.seeded) || a.ord - b.ord);
}

function fromDb(e: Record<string, string | number>) {
  return {
    name: String(e.name),
    definition: String(e.definition),
    source: String(e.source),
    ownerUnitId: String(e.owner_unit_id),
    cadence: String(e.cadence) as Cadence,
    unit: String(e.unit),
    kind: String(e.kind) as TargetKind,
    comparison: String(e.comparison) as Comparison,
    baseline: String(e.baseline),
    target: Number(e.target),
    targetText: String(e.target_text),
    ord: Number(e.ord),
  };
}

function lastAuthors(store: Store): Map<string, string> {
  const units = unitNames(store);
  const rowsOf = store.sqlite
    .prepare(
      `SELECT e.entity_id AS id, r.office_unit_id AS office FROM events e JOIN replicas r ON r.id = e.replica
        WHERE e.entity = 'indicator' AND e.quarantined = 0 ORDER BY e.hlc`,
    )
    .all() as { id: string; office: string }[];
  return new Map(rowsOf.map((r) => [r.id, units.get(r.office) ?? '']));
}

export function listIndicators(store: Store): Indicator[] {
  const units = unitNames(store);
  const values = store.sqlite
    .prepare('SELECT indicator_id AS id, period, value, note, unit_id AS unitId, entered_on AS enteredOn FROM indicator_values WHERE deleted = 0')
    .all() as { id: string; period: string; value: number; note: string; unitId: string; enteredOn: string }[];
  const byIndicator = new Map<string, typeof values>();
  for (const v of values) byIndicator.set(v.id, [...(byIndicator.get(v.id) ?? []), v]);
  const authors = lastAuthors(store);
  const year = planInfo(store).year;
  return rows(store).map((r) => {
    const vs = (byIndicator.get(r.id) ?? [])
      // Values of another cadence (the cadence was changed after they were entered) are kept but not read.
      .filter((v) => checkValuePeriod(r.cadence, v.period, year) === null)
      .sort((a, b) => valuePeriodEnd(a.period).localeCompare(valuePeriodEnd(b.period)));
    const latest = vs.at(-1);
    return {
      id: r.id,
      battle: r.battle,
      battleName: r.battleName,
      name: r.name,
      definition: r.definition,
      source: r.source,
      owner: units.get(r.ownerUnitId) ?? '',
      cadence: r.cadence,
      unit: r.unit,
      kind: r.kind,
      comparison: r.comparison,
      baseline: r.baseline,
      target: r.target,
      targetText: r.targetText,
      seeded: r.seeded,
      latest: latest ? { period: latest.period, value: latest.value, note: latest.note } : null,
      assessment: latest ? assess(r, latest.value, valuePeriodEnd(latest.period)) : assess(r, null, `${year}-01-01`),
      values: vs.map((v) => ({ period: v.period, value: v.value, note: v.note, unit: units.get(v.unitId) ?? '', enteredOn: v.enteredOn })),
      definedBy: r.edited ? (authors.get(r.id) ?? '') : '实施方案',
    };
  });
}

export function indicatorScope(store: Store, id: string): Row {
  const r = rows(store).find((x) => x.id === id);
  if (!r) throw new AppError('not_found', '没有找到该指标。', `no indicator ${id}`);
  return r;
}

function editFields(store: Store, edit: IndicatorEdit): Record<string, Json> {
  const { owner, ...rest } = edit;
  return { ...rest, ...(owner !== undefined ? { ownerUnitId: resolveUnitId(store, owner) } : {}) } as Record<string, Json>;
}

/** An edit as the contract admits it (indicatorEditSchema). */
export function updateIndicator(store: Store, who: Identity, id: string, edit: IndicatorEdit): void {
  const r = indicatorScope(store, id);
  requirePermission(who, 'indicator.define', { battle: r.battle, leadUnitIds: [], coUnitIds: [] });
  // The first edit of a plan indicator writes all its fields, so the record stands on its own everywhere.
  const { id: _id, battle: _battle, battleName: _name, seeded: _seeded, edited, ...record } = r;
  const base: Record<string, Json> = edited ? {} : (record as Record<string, Json>);
  store.log.append([{ entity: 'indicator', entityId: id, op: 'put', fields: { ...base, ...editFields(store, edit) } }]);
}

export function addIndicator(store: Store, who: Identity, battle: number, edit: IndicatorEdit): string {
  if (!edit.name || !edit.owner || edit.target === undefined) throw new AppError('bad_input', '新增指标须填写名称、责任单位和目标值。', 'incomplete indicator');
  requirePermission(who, 'indicator.define', { battle, leadUnitIds: [], coUnitIds: [] });
  const b = store.sqlite.prepare('SELECT id FROM battles WHERE code = ? AND plan_id = ?').get(battle, planInfo(store).id) as { id: string } | undefined;
  if (!b) throw new AppError('bad_input', `没有第${battle}仗。`, `no battle ${battle}`);
  const ord = 1000 + rows(store).filter((r) => r.battle === battle && !r.seeded).length;
  const id = uuidv7();
  const fields = { battleId: b.id, definition: '', source: '', cadence: 'monthly', unit: '', kind: 'absolute', comparison: 'gte', baseline: '', targetText: '', ord, ...editFields(store, edit) };
  store.log.append([{ entity: 'indicator', entityId: id, op: 'put', fields: fields as Record<string, Json> }]);
  return id;
}
