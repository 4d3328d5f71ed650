// Turns a plan seed into the events of its seed replica. Deterministic to the byte: same seed, same events,
// same hashes on every machine, and with the zero clock so that any real edit wins over the seeded value.
import type { Json } from '../events/canonical';
import { EVENT_SCHEMA_VERSION, GENESIS_HASH, sealEvent, type EventDraft, type SealedEvent } from '../events/event';
import { HLC_ZERO } from '../events/hlc';
import type { PlanSeed, SeedTarget } from './seed-format';
import { seedIds } from './seed-ids';

function targetDrafts(plan: string, ownerType: string, ownerCode: string, ownerId: string, battleId: string, list: SeedTarget[]): EventDraft[] {
  return list.map((t, ord) => ({
    entity: 'target',
    entityId: seedIds.target(plan, `${ownerType}:${ownerCode}`, ord),
    op: 'put',
    fields: { ownerType, ownerId, battleId, ord, ...t } as Record<string, Json>,
  }));
}

export interface DraftOptions {
  /** Ids of units a store already has (by canonical name); only the others are created. */
  existingUnitIds?: ReadonlyMap<string, string>;
}

export function seedDrafts(seed: PlanSeed, options: DraftOptions = {}): EventDraft[] {
  const plan = seed.plan.code;
  const planId = seedIds.plan(plan);
  const existing = options.existingUnitIds ?? new Map<string, string>();
  const unitId = (name: string) => {
    const known = existing.get(name);
    if (known) return known;
    if (!seed.units.some((u) => u.name === name)) throw new Error(`seed names unit "${name}" missing from its unit directory`);
    return seedIds.unit(name);
  };
  const drafts: EventDraft[] = [];
  const { code: _code, ...planFields } = seed.plan;
  drafts.push({ entity: 'plan', entityId: planId, op: 'put', fields: planFields });
  for (const u of seed.units) {
    if (existing.has(u.name)) continue;
    drafts.push({ entity: 'unit', entityId: seedIds.unit(u.name), op: 'put', fields: { name: u.name, aliases: u.aliases, kind: u.kind } });
  }
  for (const b of seed.battles) {
    const id = seedIds.battle(plan, b.code);
    const { targets, memberUnits, ...fields } = b;
    drafts.push({ entity: 'battle', entityId: id, op: 'put', fields: { planId, ...fields, memberUnitIds: memberUnits.map(unitId) } });
    drafts.push(...targetDrafts(plan, 'battle', String(b.code), id, id, targets));
  }
  seed.sections.forEach((s, ord) => {
    const id = seedIds.section(plan, s.code);
    const battleId = seedIds.battle(plan, s.battle);
    drafts.push({ entity: 'section', entityId: id, op: 'put', fields: { battleId, code: s.code, ord, title: s.title, content: s.content } });
    drafts.push(...targetDrafts(plan, 'section', s.code, id, battleId, s.targets));
  });
  seed.tasks.forEach((t, ord) => {
    const id = seedIds.task(plan, t.code);
    const battleId = seedIds.battle(plan, t.battle);
    drafts.push({
      entity: 'task',
      entityId: id,
      op: 'put',
      fields: {
        planId,
        battleId,
        sectionId: seedIds.section(plan, t.section),
        code: t.code,
        ord,
        title: t.title,
        content: t.content,
        listType: t.listType,
        leadUnitIds: t.leadUnits.map(unitId),
        coUnitIds: t.coUnits.map(unitId),
        group: t.group,
        clause: t.recurring && !t.clause.includes(t.recurring) ? `${t.clause}${t.clause ? '；' : ''}${t.recurring}` : t.clause,
        leadByOrder: t.leadByOrder,
        ...(t.dueDate ? { dueDate: t.dueDate } : {}),
        ...(t.parent ? { parentId: seedIds.task(plan, t.parent) } : {}),
        ...(t.milestones?.length ? { milestones: t.milestones } : {}),
      },
    });
    drafts.push(...targetDrafts(plan, 'task', t.code, id, battleId, t.targets));
  });
  return drafts;
}

export function seedEvents(seed: PlanSeed): SealedEvent[] {
  const plan = seed.plan.code;
  const replica = seedIds.seedReplica(plan);
  let prevHash = GENESIS_HASH;
  return seedDrafts(seed).map((d, i) => {
    const sealed = sealEvent({
      id: seedIds.seedEvent(plan, i + 1),
      replica,
      seq: i + 1,
      prevHash,
      hlc: HLC_ZERO,
      schemaVersion: EVENT_SCHEMA_VERSION,
      ...d,
    });
    prevHash = sealed.hash;
    return sealed;
  });
}
