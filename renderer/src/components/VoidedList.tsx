// 已作废: what was voided in this plan, why, when and by whom; a voided task's history stays readable here,
// struck through, after it left the ledger.
import { Button, Collapse, Drawer, Empty, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { voidableLabel as WHAT, type VoidedRecord } from '../../../shared/daily';
import { request } from '../api';
import { useLedgerPick } from '../state';
import { AuditTab } from './task/AuditTab';


export function VoidedList() {
  const { tasks } = useLedgerPick('tasks');
  const [open, setOpen] = useState(false);
  const [records, setRecords] = useState<VoidedRecord[]>([]);
  useEffect(() => {
    let live = true;
    request('voided.list', {}).then(
      (r) => live && setRecords(r.records),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [tasks]);
  if (!records.length) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="voided-open">
        已作废（{records.length}）
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} size={640} title="已作废的记录">
        {records.length === 0 ? (
          <Empty />
        ) : (
          <Collapse
            data-testid="voided-list"
            items={records.map((r) => ({
              key: `${r.entity}:${r.id}`,
              label: (
                <span>
                  <Tag>{WHAT[r.entity]}</Tag>
                  <Typography.Text delete>{r.label}</Typography.Text>
                </span>
              ),
              extra: <Typography.Text type="secondary">{r.voidedOn}</Typography.Text>,
              children: (
                <div>
                  <p>
                    {r.by} 于 {r.voidedOn} 作废，理由：{r.reason}
                  </p>
                  {r.audit.length > 0 && <AuditTab entries={r.audit} />}
                </div>
              ),
            }))}
          />
        )}
      </Drawer>
    </>
  );
}
