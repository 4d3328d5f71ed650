// 总览: six battle cards (tasks, 已销号, 逾期, 预警, a ring of the 销号 share), the overdue list and what falls
// due soon. Every count opens the ledger filtered to exactly those tasks.
import { Badge, Button, Card, Col, Empty, Progress, Row, Space, Statistic, Table, Typography } from 'antd';
import type { TaskRow } from '../../../shared/domain';
import type { TaskFilter } from '../../../shared/task-filter';
import { battleOrdinal } from '../labels';
import { useLedger, useLedgerPick } from '../state';

/** Red is for 逾期 only; 预警 is amber (UI.md). */
function Count({ label, value, filter, color }: { label: string; value: number; filter: TaskFilter; color?: string }) {
  const go = useLedger((s) => s.go);
  return (
    <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => go('ledger', filter)} data-testid={`count-${label}`}>
      <Statistic title={label} value={value} valueStyle={{ fontSize: 20, color: color && value > 0 ? color : undefined }} />
    </Button>
  );
}

const listColumns = [
  { title: '编号', dataIndex: 'code', key: 'code', width: 70 },
  { title: '任务', dataIndex: 'title', key: 'title', ellipsis: true },
  { title: '牵头单位', key: 'lead', width: 110, ellipsis: true, render: (_: unknown, t: TaskRow) => t.leadUnits.join('、') },
  { title: '时限', key: 'due', width: 96, render: (_: unknown, t: TaskRow) => t.dueDate || '年底' },
];

/** 1 of 212 is 0.5 %, not 0 %: small shares keep a decimal. */
function share(part: number, whole: number): string {
  if (!whole) return '0%';
  const p = (part / whole) * 100;
  return `${p > 0 && p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

function TaskListCard(p: { color: string; title: string; count: number; tasks: TaskRow[]; empty: string; testId: string }) {
  const openTask = useLedger((s) => s.openTask);
  return (
    <Card size="small" title={<Badge color={p.color} text={`${p.title}（${p.count}）`} />} data-testid={p.testId}>
      <Table<TaskRow>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 6, hideOnSinglePage: true, size: 'small' }}
        columns={listColumns}
        dataSource={p.tasks}
        onRow={(t) => ({ onClick: () => openTask(t.id), style: { cursor: 'pointer' } })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.empty} /> }}
      />
    </Card>
  );
}

export function Overview() {
  const { battles, dashboard, identity, go } = useLedgerPick('battles', 'dashboard', 'identity', 'go');
  if (!dashboard) return null;
  const counts = new Map(dashboard.battles.map((b) => [b.battle, b]));
  const total = dashboard.battles.reduce((s, b) => s + b.total, 0);
  const closed = dashboard.battles.reduce((s, b) => s + b.byStatus.closed, 0);
  const reviewer = identity && identity.role !== 'unit';

  return (
    <div>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="任务总数" value={total} suffix="项" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="已销号" value={closed} suffix={`项（${share(closed, total)}）`} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="逾期" value={dashboard.overdueCount} suffix="项" valueStyle={{ color: dashboard.overdueCount ? '#cf1322' : undefined }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" data-testid="pending-closeouts">
            <Statistic title={reviewer ? '待我审批的销号' : '待审批的销号申请'} value={dashboard.pendingCloseouts} suffix="项" />
            {reviewer && dashboard.pendingCloseouts > 0 && (
              <Button size="small" type="primary" style={{ marginTop: 4 }} onClick={() => go('closeout')}>
                去审批
              </Button>
            )}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} data-testid="battle-cards">
        {battles.map((b) => {
          const c = counts.get(b.code);
          const share = c && c.total ? Math.round((c.byStatus.closed / c.total) * 100) : 0;
          return (
            <Col key={b.id} xs={24} md={12} xl={8}>
              <Card
                size="small"
                style={{ height: '100%' }}
                data-testid="battle-card"
                title={
                  <a onClick={() => go('ledger', { battle: b.code })} style={{ color: 'inherit' }}>
                    <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                      {battleOrdinal(b.code)}
                    </Typography.Text>
                    {b.name}
                  </a>
                }
                extra={<Typography.Text type="secondary">{b.office}</Typography.Text>}
              >
                <Row align="middle" gutter={8}>
                  <Col flex="88px">
                    <Progress type="circle" size={76} percent={share} format={(p) => `${p}%`} aria-label={`销号率 ${share}%`} />
                    <div style={{ textAlign: 'center', fontSize: 12, color: '#8c8c8c' }}>销号率</div>
                  </Col>
                  <Col flex="auto">
                    <Space size="middle" wrap>
                      <Count label="任务" value={c?.total ?? 0} filter={{ battle: b.code }} />
                      <Count label="已销号" value={c?.byStatus.closed ?? 0} filter={{ battle: b.code, status: 'closed' }} />
                      <Count label="逾期" value={c?.byLight.red ?? 0} filter={{ battle: b.code, light: 'red' }} color="#cf1322" />
                      <Count label="预警" value={c?.byLight.yellow ?? 0} filter={{ battle: b.code, light: 'yellow' }} color="#ad6800" />
                    </Space>
                  </Col>
                </Row>
              </Card>
            </Col>
          );
        })}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={8}>
          <Card size="small" title="各单位预警（牵头任务）" data-testid="unit-counts">
            <Table
              size="small"
              rowKey="unit"
              pagination={{ pageSize: 6, hideOnSinglePage: true, size: 'small' }}
              dataSource={dashboard.units}
              onRow={(u) => ({ onClick: () => go('ledger', { unit: u.unit }), style: { cursor: 'pointer' } })}
              columns={[
                { title: '单位', dataIndex: 'unit', key: 'unit', ellipsis: true },
                { title: '牵头', dataIndex: 'lead', key: 'lead', width: 52, align: 'right' },
                { title: '■逾期', dataIndex: 'red', key: 'red', width: 60, align: 'right', render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span> },
                { title: '▲预警', dataIndex: 'yellow', key: 'yellow', width: 60, align: 'right', render: (v: number) => <span style={{ color: v ? '#ad6800' : undefined }}>{v}</span> },
                { title: '已销号', dataIndex: 'closed', key: 'closed', width: 60, align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col span={8}>
          <TaskListCard color="red" title="逾期任务" count={dashboard.overdueCount} tasks={dashboard.overdue} empty="没有逾期任务" testId="overdue-list" />
        </Col>
        <Col span={8}>
          <TaskListCard color="blue" title="临近时限" count={dashboard.dueSoonCount} tasks={dashboard.dueSoon} empty="近期没有到期的任务" testId="due-soon-list" />
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={16}>
          <Card size="small" title={`滞后于序时的指标（${dashboard.indicatorsBehind.length}）`} data-testid="indicators-behind" extra={<Button size="small" type="link" onClick={() => go('indicators')}>全部指标</Button>}>
            {dashboard.indicatorsBehind.length ? (
              <Space wrap>
                {dashboard.indicatorsBehind.map((i) => (
                  <Badge key={i.id} color={i.light === 'red' ? '#cf1322' : '#faad14'} text={`${i.battleName} · ${i.name}（完成率${i.completion ?? '—'}%，${i.light === 'red' ? '明显滞后' : '略有差距'}）`} />
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">没有滞后于序时的指标（未填报的指标不在此列，见“指标”）。</Typography.Text>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card size="small" title="问题清单" data-testid="open-problems" extra={<Button size="small" type="link" onClick={() => go('problems')}>查看</Button>}>
            <Space size="large">
              <Statistic title="未清零" value={dashboard.openProblems} />
              <Statistic title="逾期未改" value={dashboard.overdueProblems} valueStyle={{ color: dashboard.overdueProblems ? '#cf1322' : undefined }} />
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
