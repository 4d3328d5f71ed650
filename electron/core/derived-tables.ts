// The tables the fold keeps beside the entity tables (derivedTableNames), each given to it by the module that owns
// its rule. A call rather than an import for its effect, so no bundler can drop it; the fold refuses to start
// without it, so a path that forgets it fails at once instead of leaving task_facts stale.
import { registerDerived } from './events/fold';
import { taskFactsTable } from './ledger/task-facts';

/** Before anything folds: openStore and the copy of a backup into a store (which may run without an open store). */
export function registerDerivedTables(): void {
  registerDerived(taskFactsTable);
}
