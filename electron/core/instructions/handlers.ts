// instructions.list, instruction.add|reply (shared/contract/instructions.ts).
import type { instructionsContract } from '../../../shared/contract/instructions';
import type { CoreContext, HandlersOf } from '../handler-context';
import { addInstruction, listInstructions, replyInstruction } from './instructions';

export function instructionsHandlers({ store, today, who }: CoreContext): HandlersOf<typeof instructionsContract> {
  return {
    'instructions.list': ({ taskId }) => ({ instructions: listInstructions(store, today(), taskId) }),
    'instruction.add': (input) => ({ id: addInstruction(store, who(), input, today()) }),
    'instruction.reply': ({ id, reply }) => {
      replyInstruction(store, who(), id, reply, today());
      return { ok: true as const };
    },
  };
}
