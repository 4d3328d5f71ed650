// Whose records a store holds and up to which ledger date: printed beside every document and in `report --json`,
// so nobody signs city-wide figures from a store that has not yet received the units' bundles.
import type { OfficeData } from '../../../shared/report';
import type { Store } from '../store/store';

export function dataCoverage(store: Store): OfficeData[] {
  const rows = store.sqlite
    .prepare(
      `SELECT e.replica, count(*) AS records,
              max(coalesce(json_extract(e.body, '$.fields.reportedOn'), json_extract(e.body, '$.fields.decidedOn'),
                           json_extract(e.body, '$.fields.requestedOn'), json_extract(e.body, '$.fields.changedOn'),
                           json_extract(e.body, '$.fields.foundOn'), json_extract(e.body, '$.fields.enteredOn'), '')) AS through,
              u.name AS office, r.role
         FROM events e LEFT JOIN replicas r ON r.id = e.replica LEFT JOIN units u ON u.id = r.office_unit_id
        WHERE e.quarantined = 0 AND e.entity NOT IN ('plan', 'battle', 'section', 'unit', 'target', 'replica')
        GROUP BY e.replica`,
    )
    .all() as { replica: string; records: number; through: string; office: string | null; role: string | null }[];
  return rows
    .filter((r) => r.office)
    .map((r): OfficeData => ({ office: r.office!, role: r.role ?? '', self: r.replica === store.replicaId, through: r.through, records: r.records }))
    .sort((a, b) => Number(b.self) - Number(a.self) || a.office.localeCompare(b.office, 'zh-CN'));
}
