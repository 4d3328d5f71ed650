// 操作记录: every change to the task, its progress and its 销号, with who, which office, when, old → new;
// a record voided since stays, struck through.
import { Empty, Timeline, Typography } from 'antd';
import type { AuditEntry } from '../../../../shared/workflow';

export function AuditTab({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" />;
  return (
    <Timeline
      data-testid="audit-trail"
      items={[...entries].reverse().map((e, i) => ({
        key: i,
        color: e.voided ? 'gray' : undefined,
        content: (
          // A record voided since: its whole history struck through, still readable.
          <div style={e.voided ? { textDecoration: 'line-through', color: '#8c8c8c' } : undefined} data-voided={e.voided || undefined}>
            <Typography.Text strong delete={e.voided}>{e.action}</Typography.Text>
            {e.voided && <Typography.Text type="danger" style={{ marginLeft: 6, fontSize: 12 }}>（已作废）</Typography.Text>}
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {[e.office, e.operator, e.at].filter(Boolean).join(' · ')}
            </Typography.Text>
            {e.changes
              .filter((c) => c.from !== '' || e.action !== '建立任务')
              .map((c) => (
                <div key={c.field} style={{ fontSize: 13 }}>
                  {c.field}：{c.from ? <Typography.Text delete type="secondary">{c.from}</Typography.Text> : null}
                  {c.from ? ' → ' : ''}
                  {c.to}
                </div>
              ))}
          </div>
        ),
      }))}
    />
  );
}
