// The one typed map of every channel, composed from each domain's handler module (electron/core/<domain>/
// handlers.ts, beside its logic; its contract in shared/contract/<domain>.ts). Electron, the browser-mode host
// and the CLI all call it through dispatch, so the three cannot drift apart.
import { appHandlers } from './app/handlers';
import { dailyHandlers } from './daily/handlers';
import { filesHandlers } from './files/handlers';
import { coreContext, type HandlerContext, type Handlers } from './handler-context';
import { indicatorsHandlers } from './indicators/handlers';
import { instructionsHandlers } from './instructions/handlers';
import { ledgerHandlers } from './ledger/handlers';
import { meetingsHandlers } from './meetings/handlers';
import { planHandlers } from './plan/handlers';
import { problemsHandlers } from './problems/handlers';
import { reportsHandlers } from './reports/handlers';
import { storeHandlers } from './store/handlers';
import { supervisionHandlers } from './supervision/handlers';
import { syncHandlers } from './sync/handlers';
import { xlsxHandlers } from './xlsx/handlers';

export type { CoreContext, HandlerContext, Handlers } from './handler-context';

export function createHandlers(options: HandlerContext): Handlers {
  const ctx = coreContext(options);
  return {
    ...appHandlers(ctx),
    ...planHandlers(ctx),
    ...ledgerHandlers(ctx),
    ...dailyHandlers(ctx),
    ...instructionsHandlers(ctx),
    ...xlsxHandlers(ctx),
    ...syncHandlers(ctx),
    ...reportsHandlers(ctx),
    ...indicatorsHandlers(ctx),
    ...problemsHandlers(ctx),
    ...supervisionHandlers(ctx),
    ...meetingsHandlers(ctx),
    ...storeHandlers(ctx),
    ...filesHandlers(ctx),
  };
}
