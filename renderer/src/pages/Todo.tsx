// 我的待办: the first screen of every office — what is waiting for it today, by its role, each item one click from
// the task. The whole-city overview stays one click away in the menu.
import { Alert, Button, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { todoKindLabel, todoKinds, type TodoItem, type TodoKind } from '../../../shared/daily';
import { periodLabel } from '../../../shared/period';
import { useLedgerPick } from '../state';

const COLOR: Record<TodoKind, string> = {
  rejected: 'red',
  urged: 'orange',
  answered: 'gold',
  pending: 'purple',
  unreported: 'orange',
  unitsUnreported: 'orange',
  overdue: 'red',
  dueSoon: 'blue',
  problem: 'volcano',
  instruction: 'magenta',
  decided: 'green',
};

const HINT: Partial<Record<TodoKind, string>> = {
  rejected: '打开任务，按退回意见补充后重新申请销号，或提交说明。',
  answered: '申请单位已对退回意见作出说明，请复核。',
  pending: '打开任务查看进展、量化目标和佐证后审批。',
  unreported: '打开任务报送本期进展。',
  unitsUnreported: '可在“报送情况”中一键催报。',
  urged: '打开“拉单销号”逐项报送，报齐后自动消除。',
};

export function Todo() {
  const { todo, identity, openTask, go } = useLedgerPick('todo', 'identity', 'openTask', 'go');
  if (!todo || !identity) return null;
  const groups = todoKinds.map((k) => ({ kind: k, items: todo.items.filter((i) => i.kind === k) })).filter((g) => g.items.length);
  return (
    <div data-testid="todo-page">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          我的待办
        </Typography.Title>
        <Typography.Text type="secondary">
          {identity.officeName} · 台账日期 {todo.asOf} · 本期 {periodLabel(todo.period)} · 共 {Object.values(todo.counts).reduce((a, b) => a + b, 0)} 项
        </Typography.Text>
        <Button size="small" onClick={() => go('overview')}>
          查看全市总览
        </Button>
        {identity.role !== 'unit' && (
          <Button size="small" onClick={() => go('reporting')}>
            报送情况
          </Button>
        )}
      </Space>
      {groups.length === 0 && <Empty description="今天没有待办事项" />}
      {groups.map((g) => (
        <Card
          key={g.kind}
          size="small"
          style={{ marginBottom: 12 }}
          data-testid={`todo-${g.kind}`}
          title={
            <Space>
              <Tag color={COLOR[g.kind]}>{todoKindLabel[g.kind]}</Tag>
              <span>{todo.counts[g.kind] ?? g.items.length} 项</span>
              {HINT[g.kind] && <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>{HINT[g.kind]}</Typography.Text>}
            </Space>
          }
        >
          {g.kind === 'rejected' && <Alert type="error" showIcon style={{ marginBottom: 8 }} title="销号申请被退回，在作出说明或重新申请之前一直显示在这里。" />}
          <List<TodoItem>
            size="small"
            dataSource={g.items.slice(0, 200)}
            renderItem={(i) => (
              <List.Item
                onClick={i.taskId ? () => openTask(i.taskId) : () => go('reporting')}
                style={{ cursor: 'pointer' }}
                extra={i.due ? <Typography.Text type="secondary">{i.due}</Typography.Text> : null}
              >
                <div>
                  <Typography.Text strong>{i.taskCode ? `${i.taskCode} ` : ''}{i.title}</Typography.Text>
                  {i.unit && i.taskCode && <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{i.unit}</Typography.Text>}
                  <div>
                    <Typography.Text type={g.kind === 'rejected' || g.kind === 'overdue' ? 'danger' : undefined}>{i.reason}</Typography.Text>
                  </div>
                </div>
              </List.Item>
            )}
          />
          {(todo.counts[g.kind] ?? 0) > 200 && <Typography.Text type="secondary">另有 {(todo.counts[g.kind] ?? 0) - 200} 项，请在台账中筛选查看。</Typography.Text>}
        </Card>
      ))}
    </div>
  );
}
