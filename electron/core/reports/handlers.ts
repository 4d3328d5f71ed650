// report.preview, report.export, report.list (shared/contract/reports.ts).
import { writeFileSync } from 'node:fs';
import type { reportsContract } from '../../../shared/contract/reports';
import type { CoreContext, HandlersOf } from '../handler-context';
import { issuedList } from './register';
import { issueReport, previewReport } from './report';

export function reportsHandlers({ store, settings, who, outbox }: CoreContext): HandlersOf<typeof reportsContract> {
  return {
    'report.preview': (input) => previewReport(store, who(), settings(), input),
    'report.export': async (input) => {
      const { doc, bytes } = await issueReport(store, who(), settings(), input);
      return { file: await outbox.put(doc.fileName, (to) => writeFileSync(to, bytes)), number: doc.number, figures: doc.figures };
    },
    'report.list': () => ({ issued: issuedList(store, who().officeUnitId) }),
  };
}
