// The register of issued documents. 期号 (and the number in a 通报's document number) continue per office, year
// and kind; issuing the same period again keeps its number and its edited texts.
import { v5 as uuidv5 } from 'uuid';
import type { ReportKind } from '../../../shared/report';
import type { Json } from '../events/canonical';
import type { Store } from '../store/store';

const REPORT_NS = '0b6f2d54-8c1e-4f3a-a9d7-5e2c71b48f06';

export interface IssuedReport {
  number: number;
  texts: Record<string, string>;
  issuedOn: string;
}

export function reportRecordId(office: string, kind: ReportKind, period: string, unitId: string): string {
  return uuidv5(`${office}|${kind}|${period}|${unitId}`, REPORT_NS);
}

export function findIssued(store: Store, id: string): IssuedReport | undefined {
  const row = store.sqlite.prepare('SELECT number, texts, issued_on AS issuedOn FROM reports WHERE id = ? AND deleted = 0').get(id) as
    | { number: number; texts: string; issuedOn: string }
    | undefined;
  return row ? { number: row.number, texts: JSON.parse(row.texts) as Record<string, string>, issuedOn: row.issuedOn } : undefined;
}

export function nextNumber(store: Store, office: string, kind: ReportKind, year: number): number {
  const row = store.sqlite
    .prepare('SELECT max(number) AS n FROM reports WHERE office_unit_id = ? AND kind = ? AND year = ? AND deleted = 0')
    .get(office, kind, year) as { n: number | null };
  return (row.n ?? 0) + 1;
}

export interface IssueRecord {
  id: string;
  office: string;
  kind: ReportKind;
  period: string;
  year: number;
  number: number;
  title: string;
  issuedOn: string;
  unitId: string;
  texts: Record<string, string>;
}

export function recordIssue(store: Store, r: IssueRecord): void {
  store.log.append([
    {
      entity: 'report',
      entityId: r.id,
      op: 'put',
      fields: {
        officeUnitId: r.office,
        kind: r.kind,
        period: r.period,
        year: r.year,
        number: r.number,
        title: r.title,
        issuedOn: r.issuedOn,
        unitId: r.unitId,
        texts: r.texts as Json,
      },
    },
  ]);
}

export function issuedList(store: Store, office: string): { kind: ReportKind; period: string; number: number; title: string; issuedOn: string }[] {
  return store.sqlite
    .prepare('SELECT kind, period, number, title, issued_on AS issuedOn FROM reports WHERE office_unit_id = ? AND deleted = 0 ORDER BY issued_on DESC, number DESC')
    .all(office) as { kind: ReportKind; period: string; number: number; title: string; issuedOn: string }[];
}
