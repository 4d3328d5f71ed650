// ledger.exportXlsx, ledger.importXlsx (shared/contract/xlsx.ts). The spreadsheet library is loaded on first
// use, not at start-up.
import { writeFileSync } from 'node:fs';
import type { xlsxContract } from '../../../shared/contract/xlsx';
import { FILE_MAX_BYTES } from '../../../shared/limits';
import type { CoreContext, HandlersOf } from '../handler-context';

export function xlsxHandlers({ store, settings, today, who, files, outbox }: CoreContext): HandlersOf<typeof xlsxContract> {
  return {
    'ledger.exportXlsx': async (filter) => {
      const { exportLedgerXlsx } = await import('./export-ledger');
      const { bytes, count, fileName } = await exportLedgerXlsx(store, settings(), filter);
      return { file: await outbox.put(fileName, (to) => writeFileSync(to, bytes)), count };
    },
    'ledger.importXlsx': async ({ file, section, columns, dryRun }) => {
      const { importTaskTable } = await import('./import-table');
      const b = files.open(file.ref, FILE_MAX_BYTES.taskTable).bytes();
      let bytes: Buffer;
      try {
        bytes = b.slice(0, b.size);
      } finally {
        b.close();
      }
      return importTaskTable(store, who(), { bytes, fileName: file.name, section, dryRun, ...(columns ? { columns } : {}) }, today());
    },
  };
}
