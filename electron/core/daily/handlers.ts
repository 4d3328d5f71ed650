// todo.get, reporting.*, closeout.withdraw|answer, record.void, voided.list (shared/contract/daily.ts).
import type { dailyContract } from '../../../shared/contract/daily';
import { dekadCode } from '../../../shared/period';
import type { CoreContext, HandlersOf } from '../handler-context';
import { reportingFor } from './reporting';
import { todoFor } from './todo';
import { answerRejection, voidCloseout, voidProgress, voidRecord, voidTask, withdrawCloseout } from './undo';
import { urgeReporting } from './urge';
import { voidedRecords } from './voided';

export function dailyHandlers({ store, settings, today, who }: CoreContext): HandlersOf<typeof dailyContract> {
  return {
    'todo.get': () => todoFor(store, settings(), who()),
    'reporting.get': ({ period }) => {
      const s = settings();
      return reportingFor(store, s, who(), period ?? dekadCode(new Date(`${s.asOf}T00:00:00`)));
    },
    'reporting.urge': ({ period, units }) => urgeReporting(store, settings(), who(), period, units),
    'closeout.withdraw': ({ taskId }) => {
      withdrawCloseout(store, who(), taskId, today());
      return { ok: true as const };
    },
    'closeout.answer': ({ taskId, answer }) => {
      answerRejection(store, who(), taskId, answer, today());
      return { ok: true as const };
    },
    'record.void': ({ entity, id, reason }) => {
      const me = who();
      if (entity === 'task') return voidTask(store, me, id, reason, today());
      if (entity === 'progress') voidProgress(store, me, id, reason, today());
      else if (entity === 'closeout') voidCloseout(store, me, id, reason, today());
      else voidRecord(store, me, entity, id, reason, today());
      return { voided: 1 };
    },
    'voided.list': () => ({ records: voidedRecords(store) }),
  };
}
