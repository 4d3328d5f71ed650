// Which event entity folds into which table, and how each field is stored. The fold is generic over this
// registry; adding an entity means adding a table, a migration and one entry here.

export type FieldKind = 'text' | 'int' | 'real' | 'json' | 'bool';

export interface EntitySpec {
  table: string;
  fields: Record<string, { column: string; kind: FieldKind }>;
}

const t = (column: string) => ({ column, kind: 'text' as const });
const i = (column: string) => ({ column, kind: 'int' as const });
const r = (column: string) => ({ column, kind: 'real' as const });
const j = (column: string) => ({ column, kind: 'json' as const });
const deleted = { column: 'deleted', kind: 'bool' as const };

export const entitySpecs = {
  plan: {
    table: 'plans',
    fields: { title: t('title'), docNo: t('doc_no'), issuer: t('issuer'), issuedOn: t('issued_on'), year: i('year'), deleted },
  },
  battle: {
    table: 'battles',
    fields: {
      planId: t('plan_id'),
      code: i('code'),
      name: t('name'),
      shortName: t('short_name'),
      office: t('office'),
      goals: t('goals'),
      annexTitle: t('annex_title'),
      annexGoals: t('annex_goals'),
      conveners: t('conveners'),
      memberUnitIds: j('member_unit_ids'),
      deleted,
    },
  },
  section: {
    table: 'sections',
    fields: { battleId: t('battle_id'), code: t('code'), ord: i('ord'), title: t('title'), content: t('content'), deleted },
  },
  unit: { table: 'units', fields: { name: t('name'), aliases: j('aliases'), kind: t('kind'), deleted } },
  task: {
    table: 'tasks',
    fields: {
      planId: t('plan_id'),
      battleId: t('battle_id'),
      sectionId: t('section_id'),
      code: t('code'),
      ord: i('ord'),
      title: t('title'),
      content: t('content'),
      listType: t('list_type'),
      leadUnitIds: j('lead_unit_ids'),
      coUnitIds: j('co_unit_ids'),
      leadPerson: t('lead_person'),
      handler: t('handler'),
      responsibleSection: t('responsible_section'),
      dueDate: t('due_date'),
      parentId: t('parent_id'),
      originId: t('origin_task_id'),
      milestones: j('milestones'),
      group: t('group_label'),
      clause: t('clause'),
      leadByOrder: { column: 'lead_by_order', kind: 'bool' as const },
      createdOn: t('created_on'),
      changedOn: t('changed_on'),
      voidReason: t('void_reason'),
      voidedOn: t('voided_on'),
      deleted,
    },
  },
  target: {
    table: 'targets',
    fields: {
      ownerType: t('owner_type'),
      ownerId: t('owner_id'),
      battleId: t('battle_id'),
      ord: i('ord'),
      name: t('name'),
      value: r('value'),
      unit: t('unit'),
      kind: t('kind'),
      comparison: t('comparison'),
      text: t('text'),
      deleted,
    },
  },
  replica: {
    table: 'replicas',
    fields: { officeUnitId: t('office_unit_id'), role: t('role'), battle: i('battle'), operator: t('operator'), publicKey: t('public_key'), deleted },
  },
  progress: {
    table: 'progress',
    fields: {
      taskId: t('task_id'),
      unitId: t('unit_id'),
      period: t('period'),
      percent: i('percent'),
      text: t('text'),
      evidence: j('evidence'),
      reportedOn: t('reported_on'),
      voidReason: t('void_reason'),
      voidedOn: t('voided_on'),
      deleted,
    },
  },
  closeout: {
    table: 'closeouts',
    fields: {
      taskId: t('task_id'),
      unitId: t('unit_id'),
      statement: t('statement'),
      requestedOn: t('requested_on'),
      state: t('state'),
      deciderUnitId: t('decider_unit_id'),
      reason: t('reason'),
      decidedOn: t('decided_on'),
      answer: t('answer'),
      answeredOn: t('answered_on'),
      withdrawnOn: t('withdrawn_on'),
      voidReason: t('void_reason'),
      voidedOn: t('voided_on'),
      deleted,
    },
  },
  report: {
    table: 'reports',
    fields: {
      officeUnitId: t('office_unit_id'),
      kind: t('kind'),
      period: t('period'),
      year: i('year'),
      number: i('number'),
      title: t('title'),
      issuedOn: t('issued_on'),
      unitId: t('unit_id'),
      texts: j('texts'),
      deleted,
    },
  },
  indicator: {
    table: 'indicators',
    fields: {
      battleId: t('battle_id'),
      name: t('name'),
      definition: t('definition'),
      source: t('source'),
      ownerUnitId: t('owner_unit_id'),
      cadence: t('cadence'),
      unit: t('unit'),
      kind: t('kind'),
      comparison: t('comparison'),
      baseline: t('baseline'),
      target: r('target'),
      targetText: t('target_text'),
      ord: i('ord'),
      deleted,
    },
  },
  indicatorValue: {
    table: 'indicator_values',
    fields: { indicatorId: t('indicator_id'), period: t('period'), value: r('value'), note: t('note'), unitId: t('unit_id'), enteredOn: t('entered_on'), deleted },
  },
  problem: {
    table: 'problems',
    fields: {
      taskId: t('task_id'),
      unitId: t('unit_id'),
      source: t('source'),
      sourceId: t('source_id'),
      text: t('text'),
      foundOn: t('found_on'),
      deadline: t('deadline'),
      state: t('state'),
      clearedOn: t('cleared_on'),
      statement: t('statement'),
      voidReason: t('void_reason'),
      voidedOn: t('voided_on'),
      deleted,
    },
  },
  supervision: {
    table: 'supervisions',
    fields: {
      kind: t('kind'),
      unitId: t('unit_id'),
      taskIds: j('task_ids'),
      matter: t('matter'),
      number: i('number'),
      deadline: t('deadline'),
      reply: t('reply'),
      heldOn: t('held_on'),
      participants: t('participants'),
      outcome: t('outcome'),
      byUnitId: t('by_unit_id'),
      period: t('period'),
      deleted,
    },
  },
  meeting: {
    table: 'meetings',
    fields: { month: t('month'), heldOn: t('held_on'), place: t('place'), chair: t('chair'), attendees: t('attendees'), minutes: t('minutes'), deleted },
  },
  grant: { table: 'grants', fields: { officeUnitId: t('office_unit_id'), role: t('role'), battle: i('battle'), reason: t('reason'), deleted } },
  release: { table: 'releases', fields: { reason: t('reason'), releasedOn: t('released_on'), deleted } },
  instruction: {
    table: 'instructions',
    fields: {
      taskId: t('task_id'),
      problemId: t('problem_id'),
      leader: t('leader'),
      givenOn: t('given_on'),
      text: t('text'),
      unitId: t('unit_id'),
      replyBy: t('reply_by'),
      reply: t('reply'),
      repliedOn: t('replied_on'),
      voidReason: t('void_reason'),
      voidedOn: t('voided_on'),
      deleted,
    },
  },
  decision: {
    table: 'decisions',
    fields: { meetingId: t('meeting_id'), ord: i('ord'), text: t('text'), kind: t('kind'), refId: t('ref_id'), voidReason: t('void_reason'), voidedOn: t('voided_on'), deleted },
  },
} satisfies Record<string, EntitySpec>;

export type EntityName = keyof typeof entitySpecs;

export function isEntityName(name: string): name is EntityName {
  return Object.prototype.hasOwnProperty.call(entitySpecs, name);
}

/**
 * Tables kept from the entity tables rather than from events, each by an owner registered with the fold
 * (registerDerived in fold.ts). A Folder refuses to start while one has none, so no path that folds events — the
 * application, the CLI, a restore over a damaged file, a test or script opening a store its own way — can leave
 * one stale. (task_units is the fold's own: who leads and cooperates on a task is part of the task.)
 */
export const derivedTableNames = ['task_facts'] as const;
