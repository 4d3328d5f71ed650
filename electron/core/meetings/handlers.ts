// meeting.get|save|decide (shared/contract/meetings.ts).
import type { meetingsContract } from '../../../shared/contract/meetings';
import type { CoreContext, HandlersOf } from '../handler-context';
import { addDecision, agenda, getMeeting, saveMeeting } from './meetings';

export function meetingsHandlers({ store, settings, today, who }: CoreContext): HandlersOf<typeof meetingsContract> {
  return {
    'meeting.get': ({ month }) => ({ agenda: agenda(store, settings(), month), ...getMeeting(store, month) }),
    'meeting.save': (input) => {
      saveMeeting(store, who(), input);
      return { ok: true as const };
    },
    'meeting.decide': (input) => addDecision(store, who(), input, today()),
  };
}
