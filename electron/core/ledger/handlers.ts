// tasks.*, task.*, progress.report, evidence.get, closeout.* and the overview (shared/contract/ledger.ts).
import { writeFileSync } from 'node:fs';
import type { ledgerContract } from '../../../shared/contract/ledger';
import type { CoreContext, HandlersOf } from '../handler-context';
import { getIdentity } from '../app/identity';
import { planById } from '../plan/plans';
import { addSubtask, addTask, decideCloseout, reopenTask, reportProgress, requestCloseout, updateTask } from './actions';
import { readEvidence } from './evidence';
import { overview } from './overview';
import { listTasks, taskRow } from './queries';
import { closeoutQueue, taskDetail } from './task-detail';

export function ledgerHandlers({ store, settings, today, who, outbox }: CoreContext): HandlersOf<typeof ledgerContract> {
  const findTask = (id: string) => taskRow(store, settings(), id);
  return {
    'tasks.list': ({ planId, ...filter }) => {
      const tasks = listTasks(store, settings(), filter, planId ? planById(store, planId) : undefined);
      return { total: tasks.length, tasks };
    },
    'dashboard.get': () => overview(store, settings(), getIdentity(store)),
    'task.detail': ({ id }) => ({ task: findTask(id), ...taskDetail(store, id) }),
    'task.update': ({ id, edit }) => {
      updateTask(store, who(), id, edit, today());
      return { task: findTask(id) };
    },
    'task.split': (input) => ({ id: addSubtask(store, who(), input, today()) }),
    'task.add': (input) => addTask(store, who(), input, today()),
    'progress.report': (input) => ({ id: reportProgress(store, who(), input, today()) }),
    // Checked against its hash, then handed out as a file: evidence can be 20 MB and never rides inside an answer.
    'evidence.get': async ({ sha256, name }) => {
      const bytes = readEvidence(store, sha256);
      return { file: await outbox.put(name || sha256, (to) => writeFileSync(to, bytes)) };
    },
    'closeout.request': ({ taskId, statement, belowFull }) => ({ id: requestCloseout(store, who(), taskId, statement, today(), belowFull) }),
    'closeout.decide': ({ taskId, approve, reason }) => {
      decideCloseout(store, who(), taskId, approve, reason, today());
      return { ok: true as const };
    },
    'closeout.reopen': ({ taskId, reason }) => {
      reopenTask(store, who(), taskId, reason, today());
      return { ok: true as const };
    },
    'closeout.queue': () => {
      const me = who();
      const items = closeoutQueue(store, me.role === 'taskforce' ? me.battle : undefined);
      // A unit sees its own requests; the taskforce its battle's; the center all.
      return { items: me.role === 'unit' ? items.filter((c) => c.unit === me.officeName) : items };
    },
  };
}
