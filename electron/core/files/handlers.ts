// file.delivered (shared/contract/files.ts): a shell saved or streamed a made file whole.
import type { filesContract } from '../../../shared/contract/files';
import type { CoreContext, HandlersOf } from '../handler-context';

export function filesHandlers({ outbox }: CoreContext): HandlersOf<typeof filesContract> {
  return {
    'file.delivered': ({ ref }) => {
      outbox.delivered(ref);
      return { ok: true as const };
    },
  };
}
