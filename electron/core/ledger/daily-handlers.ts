// The daily work's channels (shared/contract/daily.ts), beside their logic.
import type { Settings } from '../../../shared/workflow';
import { requireIdentity } from '../identity';
import type { Store } from '../store/store';
import { dekadCode } from '../../../shared/period';
import { reportingFor } from './reporting';
import { todoFor } from './todo';
import { urgeReporting } from './urge';
import { answerRejection, voidCloseout, voidProgress, voidRecord, voidTask, withdrawCloseout } from './undo';
import { voidedRecords } from './voided';
import { addInstruction, listInstructions, replyInstruction } from '../instructions/instructions';
import type { Handlers } from '../handler-types';

type DailyChannel = 'todo.get' | 'reporting.get' | 'reporting.urge' | 'closeout.withdraw' | 'closeout.answer' | 'record.void' | 'voided.list' | 'instructions.list' | 'instruction.add' | 'instruction.reply';

export function dailyHandlers(store: Store, settings: () => Settings): Pick<Handlers, DailyChannel> {
  const today = () => settings().asOf;
  return {
    'todo.get': () => todoFor(store, settings(), requireIdentity(store)),
    'reporting.get': ({ period }) => {
      const s = settings();
      return reportingFor(store, s, requireIdentity(store), period ?? dekadCode(new Date(`${s.asOf}T00:00:00`)));
    },
    'reporting.urge': ({ period, units }) => urgeReporting(store, settings(), requireIdentity(store), period, units),
    'closeout.withdraw': ({ taskId }) => {
      withdrawCloseout(store, requireIdentity(store), taskId, today());
      return { ok: true as const };
    },
    'closeout.answer': ({ taskId, answer }) => {
      answerRejection(store, requireIdentity(store), taskId, answer, today());
      return { ok: true as const };
    },
    'record.void': ({ entity, id, reason }) => {
      const who = requireIdentity(store);
      if (entity === 'task') return voidTask(store, who, id, reason, today());
      if (entity === 'progress') voidProgress(store, who, id, reason, today());
      else if (entity === 'closeout') voidCloseout(store, who, id, reason, today());
      else voidRecord(store, who, entity, id, reason, today());
      return { voided: 1 };
    },
    'voided.list': () => ({ records: voidedRecords(store) }),
    'instructions.list': ({ taskId }) => ({ instructions: listInstructions(store, today(), taskId) }),
    'instruction.add': (input) => ({ id: addInstruction(store, requireIdentity(store), input, today()) }),
    'instruction.reply': ({ id, reply }) => {
      replyInstruction(store, requireIdentity(store), id, reply, today());
      return { ok: true as const };
    },
  };
}
