// 操作记录: every change to the task, its progress and its 销号, with who, which office, when, old → new.
import { Empty, Timeline, Typography } from 'antd';
import type { AuditEntry } from '../../../../shared/workflow';

export function AuditTab({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有记录" />;
  return (
    <Timeline
      data-testid="audit-trail"
      items={[...entries].reverse().map((e, i) => ({
        key: i,
        content: (
          <div>
            <Typography.Text strong>{e.action}</Typography.Text>
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
