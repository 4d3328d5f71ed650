// One object implementing every channel of the contract. Electron IPC, the browser-mode host and the CLI
// all call it (through dispatch), so the three cannot drift apart.
import { AppError } from '../../shared/errors';
import { getIdentity, requireIdentity, setIdentity } from './identity';
import { addSubtask, addTask, decideCloseout, reopenTask, reportProgress, requestCloseout, updateTask } from './ledger/actions';
import { battleCounts, unitCounts } from './ledger/dashboard';
import { readEvidence } from './ledger/evidence';
import { draftPlanDocument, savePlanDraft, storeUnits } from './plan/plan-draft';
import { listPlans, planById, usePlan } from './plan/plans';
import { seedBuiltinPlan } from './plan/builtin-plan';
import { carryOver } from './plan/carry-over';
import { battleCodes, battleSummaries, countTasks, listTasks, listUnits, planInfo, taskRow } from './ledger/queries';
import { closeoutQueue, taskDetail } from './ledger/task-detail';
import { taskLights } from './ledger/task-lights';
import { importPlanIntoStore } from './plan/import-into-store';
import { issuedList } from './reports/register';
import { backupsDir, listBackups, makeBackup, restoreBackup } from './store/backups';
import { addIndicator, listIndicators, updateIndicator } from './indicators/dictionary';
import { setIndicatorValue } from './indicators/values';
import { addDecision, agenda, getMeeting, saveMeeting } from './meetings/meetings';
import { clearProblem, listProblems, openSeries, problemCounts, raiseProblem } from './problems/problems';
import { addSupervision, listSupervisions } from './supervision/actions';
import { candidates, unitRanking } from './supervision/candidates';
import { indicatorLights } from '../../shared/indicators';
import { issueReport, previewReport } from './reports/report';
import { getSettings, setSettings } from './settings';
import { unitNames } from './units';
import { bundleFileName, exportBundle, markExported } from './sync/export';
import { importBundle } from './sync/import';
import { MAX_BUNDLE_BYTES } from './sync/bundle-format';
import { filesByPath, type PickedFiles } from './picked-files';
import { settleConflict } from './sync/settle';
import { syncInfo } from './sync/sync-info';
import { grantRole, releaseQuarantined } from './sync/release';
import type { Store } from './store/store';
import { dailyHandlers } from './ledger/daily-handlers';
import type { Handlers } from './handler-types';

/** The overview lists the first hundred; the ledger's light filter shows them all. */
const LIST_CAP = 100;

export type { Handlers };

export interface HandlerContext {
  store: Store;
  version: string;
  /** The wall clock, injectable for tests. */
  now?: () => Date;
  /** What a picked file's reference means in this shell; by default its path. */
  files?: PickedFiles;
}

export function createHandlers({ store, version, now = () => new Date(), files = filesByPath }: HandlerContext): Handlers {
  const settings = () => getSettings(store, now());
  // Every record is dated at the ledger date (设置; today unless set otherwise), so a document of a period reads
  // the same dates the records were entered with, never the computer's clock beside the ledger's.
  const today = () => settings().asOf;
  const findTask = (id: string) => taskRow(store, settings(), id);

  return {
    'app.info': () => ({
      version,
      storePath: store.path,
      replicaId: store.replicaId,
      schemaVersion: store.schemaVersion,
      eventCount: (store.sqlite.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n,
    }),
    'plan.overview': () => {
      const plan = planInfo(store);
      return { plan, battles: battleSummaries(store, plan.id), taskCount: countTasks(store, plan.id), unitCount: listUnits(store).length };
    },
    'plan.import': (input) => importPlanIntoStore(store, Buffer.from(input.contentBase64, 'base64'), input.fileName, input.dryRun),
    'plan.draft': (input) => draftPlanDocument(Buffer.from(input.contentBase64, 'base64'), input.fileName, storeUnits(store).entries),
    'plan.save': ({ seed }) => savePlanDraft(store, seed),
    'plan.list': () => listPlans(store),
    'plan.builtin': () => seedBuiltinPlan(store),
    'plan.carryOver': (input) => carryOver(store, requireIdentity(store), input),
    'plan.use': ({ planId }) => {
      usePlan(store, planId);
      return listPlans(store);
    },
    'units.list': () => ({ units: listUnits(store) }),
    'identity.get': () => ({ identity: getIdentity(store) }),
    'identity.set': (input) => setIdentity(store, input),
    'settings.get': () => settings(),
    'settings.set': (input) => setSettings(store, input),
    'dashboard.get': () => {
      const plan = planInfo(store);
      // Counts from status and light alone; whole rows only for the tasks the lists show.
      const lights = taskLights(store, settings(), plan);
      const names = unitNames(store);
      const who = getIdentity(store);
      // ISO dates order as plain strings; no locale is involved.
      const due = (t: (typeof lights)[number]) => t.dueDate || '9999';
      const inOrder = (a: (typeof lights)[number], b: (typeof lights)[number]) =>
        (due(a) < due(b) ? -1 : due(a) > due(b) ? 1 : 0) || a.battle - b.battle || a.ord - b.ord;
      const overdue = lights.filter((t) => t.light === 'red').sort(inOrder);
      const dueSoon = lights.filter((t) => t.light === 'blue').sort(inOrder);
      const shown = listTasks(store, settings(), {}, plan, [...overdue.slice(0, LIST_CAP), ...dueSoon.slice(0, LIST_CAP)].map((t) => t.id));
      const rowOf = new Map(shown.map((t) => [t.id, t]));
      // A row shows the task's light with its parts rolled up, as it is counted.
      const rows = (list: typeof overdue) => list.slice(0, LIST_CAP).flatMap((t) => (rowOf.has(t.id) ? [{ ...rowOf.get(t.id)!, light: t.light, status: t.status }] : []));
      return {
        battles: battleCounts(lights, battleCodes(store, plan.id)),
        overdue: rows(overdue),
        dueSoon: rows(dueSoon),
        overdueCount: overdue.length,
        dueSoonCount: dueSoon.length,
        units: unitCounts(lights, (u) => names.get(u) ?? u),
        indicatorsBehind: listIndicators(store)
          .filter((i) => i.assessment.light === 'red' || i.assessment.light === 'yellow')
          .sort((a, b) => (a.assessment.light === b.assessment.light ? 0 : a.assessment.light === 'red' ? -1 : 1))
          .map((i) => ({ id: i.id, name: i.name, battleName: i.battleName, light: i.assessment.light, completion: i.assessment.completion, period: i.latest?.period ?? '' })),
        ...(() => {
          const open = listProblems(store, settings().asOf).filter((p) => p.state === 'open');
          return { openProblems: open.length, overdueProblems: open.filter((p) => p.overdue).length };
        })(),
        pendingCloseouts: closeoutQueue(store, who?.role === 'taskforce' ? who.battle : undefined).length,
      };
    },
    'tasks.list': ({ planId, ...filter }) => {
      const tasks = listTasks(store, settings(), filter, planId ? planById(store, planId) : undefined);
      return { total: tasks.length, tasks };
    },
    'task.detail': ({ id }) => ({ task: findTask(id), ...taskDetail(store, id) }),
    'task.update': ({ id, edit }) => {
      updateTask(store, requireIdentity(store), id, edit, today());
      return { task: findTask(id) };
    },
    'task.split': (input) => ({ id: addSubtask(store, requireIdentity(store), input, today()) }),
    'task.add': (input) => addTask(store, requireIdentity(store), input, today()),
    'progress.report': (input) => ({ id: reportProgress(store, requireIdentity(store), input, today()) }),
    'evidence.get': ({ sha256 }) => ({ contentBase64: readEvidence(store, sha256).toString('base64') }),
    'closeout.request': ({ taskId, statement, belowFull }) => ({ id: requestCloseout(store, requireIdentity(store), taskId, statement, today(), belowFull) }),
    'closeout.decide': ({ taskId, approve, reason }) => {
      decideCloseout(store, requireIdentity(store), taskId, approve, reason, today());
      return { ok: true as const };
    },
    'closeout.reopen': ({ taskId, reason }) => {
      reopenTask(store, requireIdentity(store), taskId, reason, today());
      return { ok: true as const };
    },
    'sync.info': () => syncInfo(store),
    'sync.export': ({ forPeer }) => {
      const bundle = exportBundle(store, forPeer ? { forPeer } : {});
      markExported(store, bundle);
      return { fileName: bundleFileName(store, bundle, forPeer ? { forPeer } : {}), contentBase64: bundle.bytes.toString('base64'), count: bundle.manifest.count };
    },
    'sync.import': async ({ file, dryRun, trust }) => {
      const { applied_, bundleId: _id, ...r } = await importBundle(store, files.open(file.ref, MAX_BUNDLE_BYTES), { dryRun, trust, fileName: file.name });
      return { ...r, saved: applied_ };
    },
    'sync.release': ({ eventId, reason }) => ({ released: releaseQuarantined(store, requireIdentity(store), eventId, reason, today()) }),
    'sync.grant': (input) => ({ released: grantRole(store, requireIdentity(store), input, today()) }),
    'conflicts.settle': ({ id, useOther }) => {
      settleConflict(store, id, useOther);
      return { ok: true as const };
    },
    'report.preview': (input) => previewReport(store, requireIdentity(store), settings(), input),
    'report.export': async (input) => {
      const { doc, bytes } = await issueReport(store, requireIdentity(store), settings(), input);
      return { fileName: doc.fileName, contentBase64: bytes.toString('base64'), number: doc.number, figures: doc.figures };
    },
    // The spreadsheet library is loaded on first use, not at start-up.
    'ledger.exportXlsx': async (filter) => {
      const { exportLedgerXlsx } = await import('./xlsx/export-ledger');
      const { bytes, count, fileName } = await exportLedgerXlsx(store, settings(), filter);
      return { fileName, contentBase64: bytes.toString('base64'), count };
    },
    'ledger.importXlsx': async ({ contentBase64, section, columns, dryRun }) => {
      const { importTaskTable } = await import('./xlsx/import-table');
      return importTaskTable(store, requireIdentity(store), { contentBase64, section, dryRun, ...(columns ? { columns } : {}) }, today());
    },
    'indicators.list': () => {
      const indicators = listIndicators(store);
      const battles = battleSummaries(store, planInfo(store).id).map((b) => {
        const counts = Object.fromEntries(indicatorLights.map((l) => [l, 0])) as Record<(typeof indicatorLights)[number], number>;
        for (const i of indicators) if (i.battle === b.code) counts[i.assessment.light]++;
        return { battle: b.code, name: b.shortName || b.name, counts };
      });
      return { indicators, battles };
    },
    'indicator.update': ({ id, edit }) => {
      updateIndicator(store, requireIdentity(store), id, edit);
      return { ok: true as const };
    },
    'indicator.add': ({ battle, edit }) => ({ id: addIndicator(store, requireIdentity(store), battle, edit) }),
    'indicator.setValue': (input) => {
      setIndicatorValue(store, requireIdentity(store), input, settings().asOf);
      return { ok: true as const };
    },
    'problems.list': () => {
      const asOf = settings().asOf;
      const problems = listProblems(store, asOf);
      const battleName = new Map(battleSummaries(store, planInfo(store).id).map((b) => [b.code, b.shortName || b.name]));
      return {
        problems,
        byUnit: problemCounts(problems, (p) => p.unit),
        byBattle: problemCounts(problems, (p) => battleName.get(p.battle) ?? String(p.battle)),
        series: openSeries(problems, asOf),
      };
    },
    // The dispatch records are dated at the ledger date: today in daily use, a day of the plan year in a review.
    'problem.raise': (input) => ({ id: raiseProblem(store, requireIdentity(store), input, settings().asOf) }),
    'problem.clear': ({ id, statement }) => {
      clearProblem(store, requireIdentity(store), id, statement, settings().asOf);
      return { ok: true as const };
    },
    'supervision.overview': () => {
      const s = settings();
      return { actions: listSupervisions(store), candidates: candidates(store, s), ranking: unitRanking(listTasks(store, s), listProblems(store, s.asOf)) };
    },
    'supervision.add': (input) => addSupervision(store, requireIdentity(store), input, settings().asOf),
    'meeting.get': ({ month }) => ({ agenda: agenda(store, settings(), month), ...getMeeting(store, month) }),
    'meeting.save': (input) => {
      saveMeeting(store, requireIdentity(store), input);
      return { ok: true as const };
    },
    'meeting.decide': (input) => addDecision(store, requireIdentity(store), input, settings().asOf),
    'backup.list': () => ({ dir: backupsDir(store.path), backups: listBackups(store.path).map(({ file, at, reason, size }) => ({ file, at, reason, size })) }),
    'backup.create': async () => {
      const b = await makeBackup(store, 'manual');
      return { file: b.file, size: b.size };
    },
    'backup.restore': async ({ file }) => {
      // Only a backup of this store's folder, by name: the interface never hands the core a path.
      const found = listBackups(store.path).find((b) => b.file === file);
      if (!found) throw new AppError('not_found', `备份“${file}”不存在。`, `no backup ${file}`);
      const r = await restoreBackup(store, found.path);
      return { restoredFrom: r.restoredFrom, safetyBackup: r.safetyBackup, fingerprint: r.fingerprint, events: r.events };
    },
    'report.list': () => ({ issued: issuedList(store, requireIdentity(store).officeUnitId) }),
    ...dailyHandlers(store, settings),
    'closeout.queue': () => {
      const who = requireIdentity(store);
      const items = closeoutQueue(store, who.role === 'taskforce' ? who.battle : undefined);
      // A unit sees its own requests; the taskforce its battle's; the center all.
      return { items: who.role === 'unit' ? items.filter((c) => c.unit === who.officeName) : items };
    },
  };
}
