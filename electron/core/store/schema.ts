// Tables of the store. `events` is the source of truth; every other table except `meta` is a fold of it
// and could be rebuilt from the log alone.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, primaryKey, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/** Facts about this installation only (replica id, seeding); never synced. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    replica: text('replica').notNull(),
    seq: integer('seq').notNull(),
    hlc: text('hlc').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op').notNull(),
    schemaVersion: integer('schema_version').notNull(),
    prevHash: text('prev_hash').notNull(),
    /** The exact canonical bytes that were hashed (and, once keys exist, signed). */
    body: text('body').notNull(),
    hash: text('hash').notNull(),
    sig: text('sig'),
    /**
     * Kept in the chain but not folded (see quarantine): 1 quarantined (its author may not write it, or its content
     * is malformed); 2 held, its clock being more than a day ahead of this machine's (folded once the clock catches up).
     */
    quarantined: integer('quarantined').notNull().default(0),
  },
  (t) => [
    uniqueIndex('events_replica_seq').on(t.replica, t.seq),
    index('events_entity').on(t.entity, t.entityId),
    // Held events are looked for at every import: a handful among half a million.
    index('events_held').on(t.hlc).where(sql`quarantined = 2`),
  ],
);

/** Last-writer-wins clock per field: the fold keeps a field's value from the event with max (hlc, replica). */
export const fieldClocks = sqliteTable(
  'field_clocks',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    field: text('field').notNull(),
    hlc: text('hlc').notNull(),
    replica: text('replica').notNull(),
    /** The clock of the value the winning write replaced, as its author saw it ("hlc|replica"). */
    basis: text('basis').notNull().default(''),
    /** 1 once writes from more than one installation have reached this field: conflicts are then possible. */
    mixed: integer('mixed').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId, t.field] })],
);

/** Concurrent edits of one field (local): the fold kept the winner; a person looks at both and settles. */
export const conflicts = sqliteTable('conflicts', {
  id: text('id').primaryKey(),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  field: text('field').notNull(),
  winnerValue: text('winner_value').notNull(),
  winnerReplica: text('winner_replica').notNull(),
  winnerHlc: text('winner_hlc').notNull(),
  loserValue: text('loser_value').notNull(),
  loserReplica: text('loser_replica').notNull(),
  loserHlc: text('loser_hlc').notNull(),
  settled: integer('settled').notNull().default(0),
});

export const plans = sqliteTable('plans', {
  id: text('id').primaryKey(),
  title: text('title').notNull().default(''),
  docNo: text('doc_no').notNull().default(''),
  issuer: text('issuer').notNull().default(''),
  issuedOn: text('issued_on').notNull().default(''),
  year: integer('year').notNull().default(0),
  deleted: integer('deleted').notNull().default(0),
});

export const battles = sqliteTable(
  'battles',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().default(''),
    code: integer('code').notNull().default(0),
    name: text('name').notNull().default(''),
    shortName: text('short_name').notNull().default(''),
    office: text('office').notNull().default(''),
    goals: text('goals').notNull().default(''),
    annexTitle: text('annex_title').notNull().default(''),
    annexGoals: text('annex_goals').notNull().default(''),
    conveners: text('conveners').notNull().default(''),
    memberUnitIds: text('member_unit_ids').notNull().default('[]'),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('battles_plan').on(t.planId, t.code)],
);

export const sections = sqliteTable(
  'sections',
  {
    id: text('id').primaryKey(),
    battleId: text('battle_id').notNull().default(''),
    code: text('code').notNull().default(''),
    ord: integer('ord').notNull().default(0),
    title: text('title').notNull().default(''),
    content: text('content').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('sections_battle').on(t.battleId, t.ord)],
);

export const units = sqliteTable('units', {
  id: text('id').primaryKey(),
  name: text('name').notNull().default(''),
  aliases: text('aliases').notNull().default('[]'),
  kind: text('kind').notNull().default('unit'),
  deleted: integer('deleted').notNull().default(0),
});

export const tasks = sqliteTable(
  'tasks',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id').notNull().default(''),
    battleId: text('battle_id').notNull().default(''),
    sectionId: text('section_id').notNull().default(''),
    code: text('code').notNull().default(''),
    ord: integer('ord').notNull().default(0),
    title: text('title').notNull().default(''),
    content: text('content').notNull().default(''),
    listType: text('list_type').notNull().default('work'),
    leadUnitIds: text('lead_unit_ids').notNull().default('[]'),
    coUnitIds: text('co_unit_ids').notNull().default('[]'),
    leadPerson: text('lead_person').notNull().default(''),
    handler: text('handler').notNull().default(''),
    responsibleSection: text('responsible_section').notNull().default(''),
    dueDate: text('due_date').notNull().default(''),
    /** A sub-task split from another task; empty for the plan's own tasks. */
    parentId: text('parent_id').notNull().default(''),
    /** The unfinished task of an earlier plan this one carries on (结转); empty for the plan's own tasks. */
    originId: text('origin_task_id').notNull().default(''),
    /** [{ date: 'YYYY-MM-DD', text }] checkpoints before the due date. */
    milestones: text('milestones').notNull().default('[]'),
    /** 工作内容 of a 任务分解表 row; empty for tasks of the text. */
    groupLabel: text('group_label').notNull().default(''),
    /** The responsibility clause as the document wrote it. */
    clause: text('clause').notNull().default(''),
    /** 1 when the lead unit was taken from the order of names (no 牵头 in the clause). */
    leadByOrder: integer('lead_by_order').notNull().default(0),
    /** The ledger date the task was added on; empty for the plan's own tasks (there from the plan's start). */
    createdOn: text('created_on').notNull().default(''),
    /** The ledger date of the latest change, so a document of an earlier period reads the task as it stood then. */
    changedOn: text('changed_on').notNull().default(''),
    /** 作废: why and on which ledger date (the row stays, deleted = 1, shown struck through in the audit trail). */
    voidReason: text('void_reason').notNull().default(''),
    voidedOn: text('voided_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [
    index('tasks_battle').on(t.battleId, t.ord),
    index('tasks_code').on(t.code),
    // Covers everything a task's light is computed from: the overview reads 50,000 of them from this index
    // alone instead of from the wide rows with their titles and contents; parent_id so it counts real tasks only.
    index('tasks_light').on(t.planId, t.deleted, t.parentId, t.battleId, t.id, t.ord, t.leadUnitIds, t.dueDate, t.milestones, t.createdOn),
  ],
);

/** Derived from tasks.lead_unit_ids / co_unit_ids by the fold, so "tasks of unit X" is an index lookup. */
export const taskUnits = sqliteTable(
  'task_units',
  {
    taskId: text('task_id').notNull(),
    unitId: text('unit_id').notNull(),
    role: text('role').notNull(),
    ord: integer('ord').notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.role, t.unitId] }), index('task_units_unit').on(t.unitId, t.role)],
);

export const targets = sqliteTable(
  'targets',
  {
    id: text('id').primaryKey(),
    ownerType: text('owner_type').notNull().default(''),
    ownerId: text('owner_id').notNull().default(''),
    battleId: text('battle_id').notNull().default(''),
    ord: integer('ord').notNull().default(0),
    name: text('name').notNull().default(''),
    value: real('value').notNull().default(0),
    unit: text('unit').notNull().default(''),
    kind: text('kind').notNull().default('absolute'),
    comparison: text('comparison').notNull().default('eq'),
    text: text('text').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('targets_owner').on(t.ownerType, t.ownerId, t.ord)],
);

/** Each installation's identity as it announced it in its own log: which office, which role. */
export const replicas = sqliteTable('replicas', {
  id: text('id').primaryKey(),
  officeUnitId: text('office_unit_id').notNull().default(''),
  role: text('role').notNull().default(''),
  battle: integer('battle').notNull().default(0),
  operator: text('operator').notNull().default(''),
  publicKey: text('public_key').notNull().default(''),
  deleted: integer('deleted').notNull().default(0),
});

/** One unit's progress line for one task and one period (旬 or month); re-reporting the period replaces it. */
export const progress = sqliteTable(
  'progress',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull().default(''),
    unitId: text('unit_id').notNull().default(''),
    period: text('period').notNull().default(''),
    percent: integer('percent').notNull().default(0),
    text: text('text').notNull().default(''),
    evidence: text('evidence').notNull().default('[]'),
    reportedOn: text('reported_on').notNull().default(''),
    /** 作废: why and on which ledger date (the row stays, deleted = 1, shown struck through in the audit trail). */
    voidReason: text('void_reason').notNull().default(''),
    voidedOn: text('voided_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [
    index('progress_task').on(t.taskId, t.period),
    // Covers "each unit's latest line per task" (a task's progress): read in index order, grouped without a sort.
    index('progress_latest').on(t.taskId, t.unitId, t.period, t.percent).where(sql`deleted = 0`),
  ],
);

/** A close-out (销号) request and its decision; reopening an approved one is recorded on it too. */
export const closeouts = sqliteTable(
  'closeouts',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull().default(''),
    unitId: text('unit_id').notNull().default(''),
    statement: text('statement').notNull().default(''),
    requestedOn: text('requested_on').notNull().default(''),
    state: text('state').notNull().default('pending'),
    deciderUnitId: text('decider_unit_id').notNull().default(''),
    reason: text('reason').notNull().default(''),
    decidedOn: text('decided_on').notNull().default(''),
    /** The requesting unit's answer to a rejection (说明), and its date: the taskforce reads it. */
    answer: text('answer').notNull().default(''),
    answeredOn: text('answered_on').notNull().default(''),
    /** The date the unit withdrew (撤回) its pending request; state is then 'withdrawn'. */
    withdrawnOn: text('withdrawn_on').notNull().default(''),
    /** 作废: why and on which ledger date (the row stays, deleted = 1, shown struck through in the audit trail). */
    voidReason: text('void_reason').notNull().default(''),
    voidedOn: text('voided_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('closeouts_task').on(t.taskId, t.requestedOn)],
);

/**
 * Derived by the fold from progress, closeouts and tasks' lead units (task-facts.ts): what a task's status and
 * light depend on besides its own row, kept per task so the overview reads one row per task instead of every
 * progress line. Only tasks with a progress line or a close-out have a row. WITHOUT ROWID (in the migration): the
 * overview looks every task up by key, one B-tree instead of two.
 */
export const taskFacts = sqliteTable('task_facts', {
  taskId: text('task_id').primaryKey(),
  /** The lead units' latest percent averaged (any unit's, when no lead has reported); null before any report. */
  percent: integer('percent'),
  /** State of the task's latest close-out, or null. */
  closeout: text('closeout'),
});

/** Documents an office issued (旬简报, 月通报, 季总结, 督办单): their numbers continue per office, year and kind,
 * and the edited texts are kept so issuing the same period again reproduces the document. */
export const reports = sqliteTable(
  'reports',
  {
    id: text('id').primaryKey(),
    officeUnitId: text('office_unit_id').notNull().default(''),
    kind: text('kind').notNull().default(''),
    period: text('period').notNull().default(''),
    year: integer('year').notNull().default(0),
    number: integer('number').notNull().default(0),
    title: text('title').notNull().default(''),
    issuedOn: text('issued_on').notNull().default(''),
    unitId: text('unit_id').notNull().default(''),
    texts: text('texts').notNull().default('{}'),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('reports_office_kind').on(t.officeUnitId, t.kind, t.year)],
);

/** 推进指标: the plan's headline targets (same id as their target row) once someone edits them, and indicators
 * added by hand. A headline target nobody has edited is listed with drafted defaults. */
export const indicators = sqliteTable('indicators', {
  id: text('id').primaryKey(),
  battleId: text('battle_id').notNull().default(''),
  name: text('name').notNull().default(''),
  definition: text('definition').notNull().default(''),
  source: text('source').notNull().default(''),
  ownerUnitId: text('owner_unit_id').notNull().default(''),
  cadence: text('cadence').notNull().default('monthly'),
  unit: text('unit').notNull().default(''),
  kind: text('kind').notNull().default('growth'),
  comparison: text('comparison').notNull().default('gte'),
  baseline: text('baseline').notNull().default(''),
  target: real('target').notNull().default(0),
  targetText: text('target_text').notNull().default(''),
  ord: integer('ord').notNull().default(0),
  deleted: integer('deleted').notNull().default(0),
});

/** One actual per indicator and period (id derived from both, so a second entry is the same record). */
export const indicatorValues = sqliteTable(
  'indicator_values',
  {
    id: text('id').primaryKey(),
    indicatorId: text('indicator_id').notNull().default(''),
    period: text('period').notNull().default(''),
    value: real('value').notNull().default(0),
    note: text('note').notNull().default(''),
    unitId: text('unit_id').notNull().default(''),
    enteredOn: text('entered_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('indicator_values_indicator').on(t.indicatorId, t.period)],
);

/** 问题清单: found, tied to a task and a unit, given a deadline (限期整改), tracked until cleared. */
export const problems = sqliteTable(
  'problems',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull().default(''),
    unitId: text('unit_id').notNull().default(''),
    source: text('source').notNull().default('manual'),
    sourceId: text('source_id').notNull().default(''),
    text: text('text').notNull().default(''),
    foundOn: text('found_on').notNull().default(''),
    deadline: text('deadline').notNull().default(''),
    state: text('state').notNull().default('open'),
    clearedOn: text('cleared_on').notNull().default(''),
    statement: text('statement').notNull().default(''),
    /** 作废: why and on which ledger date (the row stays, deleted = 1, shown struck through in the audit trail). */
    voidReason: text('void_reason').notNull().default(''),
    voidedOn: text('voided_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('problems_unit').on(t.unitId, t.state)],
);

/**
 * 领导批示: a leader's instruction on a task (or a problem of it), the office it is assigned to, the date its
 * reply is due, and the reply. Recorded by the office running the battle; answered by the office assigned.
 */
export const instructions = sqliteTable(
  'instructions',
  {
    id: text('id').primaryKey(),
    taskId: text('task_id').notNull().default(''),
    problemId: text('problem_id').notNull().default(''),
    leader: text('leader').notNull().default(''),
    givenOn: text('given_on').notNull().default(''),
    text: text('text').notNull().default(''),
    unitId: text('unit_id').notNull().default(''),
    replyBy: text('reply_by').notNull().default(''),
    reply: text('reply').notNull().default(''),
    repliedOn: text('replied_on').notNull().default(''),
    voidReason: text('void_reason').notNull().default(''),
    voidedOn: text('voided_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('instructions_task').on(t.taskId), index('instructions_unit').on(t.unitId, t.repliedOn)],
);

/** 通报表扬 / 督办单 / 约谈, each tied to a unit and tasks. */
export const supervisions = sqliteTable('supervisions', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull().default(''),
  unitId: text('unit_id').notNull().default(''),
  taskIds: text('task_ids').notNull().default('[]'),
  matter: text('matter').notNull().default(''),
  number: integer('number').notNull().default(0),
  deadline: text('deadline').notNull().default(''),
  reply: text('reply').notNull().default(''),
  heldOn: text('held_on').notNull().default(''),
  participants: text('participants').notNull().default(''),
  outcome: text('outcome').notNull().default(''),
  byUnitId: text('by_unit_id').notNull().default(''),
  /** A 催报's reporting period (2023-03-3); '' for the other kinds. */
  period: text('period').notNull().default(''),
  deleted: integer('deleted').notNull().default(0),
});

/** 调度分析会: one a month, with its minutes. */
export const meetings = sqliteTable('meetings', {
  id: text('id').primaryKey(),
  month: text('month').notNull().default(''),
  heldOn: text('held_on').notNull().default(''),
  place: text('place').notNull().default(''),
  chair: text('chair').notNull().default(''),
  attendees: text('attendees').notNull().default(''),
  minutes: text('minutes').notNull().default(''),
  deleted: integer('deleted').notNull().default(0),
});

/** A meeting's decisions; one may have created a task or a problem (refId). */
export const decisions = sqliteTable(
  'decisions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id').notNull().default(''),
    ord: integer('ord').notNull().default(0),
    text: text('text').notNull().default(''),
    kind: text('kind').notNull().default('note'),
    refId: text('ref_id').notNull().default(''),
    /** 作废: why and on which ledger date (the row stays, deleted = 1, shown struck through in the audit trail). */
    voidReason: text('void_reason').notNull().default(''),
    voidedOn: text('voided_on').notNull().default(''),
    deleted: integer('deleted').notNull().default(0),
  },
  (t) => [index('decisions_meeting').on(t.meetingId, t.ord)],
);

/** Other installations this one exchanges with (local, not synced): the key a person confirmed, and what
 * the peer is known to hold, so the next bundle for it carries only what it lacks. */
export const peers = sqliteTable('peers', {
  replicaId: text('replica_id').primaryKey(),
  publicKey: text('public_key').notNull(),
  fingerprint: text('fingerprint').notNull(),
  pinnedAt: text('pinned_at').notNull(),
  /** {replica: highest seq} the peer had when it last exported to us. */
  knownVector: text('known_vector').notNull().default('{}'),
  lastImportAt: text('last_import_at').notNull().default(''),
  lastExportAt: text('last_export_at').notNull().default(''),
  /**
   * The office, role and battle granted to this key when a person here confirmed its fingerprint (what it claimed
   * in its first announcement, shown then): its events are judged by these, never by what it later says of itself.
   */
  officeUnitId: text('office_unit_id').notNull().default(''),
  role: text('role').notNull().default(''),
  battle: integer('battle').notNull().default(0),
});

/** Every bundle imported, with what it brought (local). */
export const importLog = sqliteTable('import_log', {
  bundleId: text('bundle_id').primaryKey(),
  fileName: text('file_name').notNull(),
  exporter: text('exporter').notNull(),
  importedAt: text('imported_at').notNull(),
  applied: integer('applied').notNull(),
  skipped: integer('skipped').notNull(),
  summary: text('summary').notNull().default('{}'),
});

/** Events refused but kept for a person to look at: a role writing what it may not, an unknown author. */
export const quarantine = sqliteTable('quarantine', {
  eventId: text('event_id').primaryKey(),
  replica: text('replica').notNull(),
  seq: integer('seq').notNull(),
  body: text('body').notNull(),
  sig: text('sig').notNull().default(''),
  reason: text('reason').notNull(),
  at: text('at').notNull(),
  /** role: its author may not write it · content: malformed, never folded · clock: held, dated too far ahead. */
  kind: text('kind').notNull().default('role'),
});

/** The centre's grant of an office, role and battle to an installation's key (entity "grant", id = its replica). */
export const grants = sqliteTable('grants', {
  id: text('id').primaryKey(),
  officeUnitId: text('office_unit_id').notNull().default(''),
  role: text('role').notNull().default(''),
  battle: integer('battle').notNull().default(0),
  reason: text('reason').notNull().default(''),
  deleted: integer('deleted').notNull().default(0),
});

/** The centre's release of a quarantined or held event (entity "release", id = the event's id), with its reason. */
export const releases = sqliteTable('releases', {
  id: text('id').primaryKey(),
  reason: text('reason').notNull().default(''),
  releasedOn: text('released_on').notNull().default(''),
  deleted: integer('deleted').notNull().default(0),
});
