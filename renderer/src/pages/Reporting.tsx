// 报送情况 (报送率): for a 旬 or a month, which units reported on which of the tasks they lead, the rate per battle
// and per unit, and the units not yet reported — with a 催报通知 to print for them.
import { Alert, App, Button, Card, Col, Popconfirm, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { urgeReplyBy, type Reporting as ReportingData, type ReportingUnit } from '../../../shared/daily';
import { chineseDate, periodLabel } from '../../../shared/period';
import { periodRange } from '../../../shared/report';
import { request } from '../api';
import { currentPeriod, reportPeriods } from '../periods';
import { change, useLedgerPick } from '../state';

const pct = (r: number) => Math.round(r * 1000) / 10;


function UrgeNotice({ data, office }: { data: ReportingData; office: string }) {
  const missing = data.units.filter((u) => u.reported < u.tasks);
  return (
    <div className="print-only" data-testid="urge-notice">
      <h1>关于报送{periodLabel(data.period)}工作进展的催报通知</h1>
      <p>{missing.map((u) => u.unit).join('、')}：</p>
      <p>
        　　截至{chineseDate(data.asOf)}，下列任务{periodLabel(data.period)}的工作进展尚未报送。请于{chineseDate(urgeReplyBy(data.asOf))}前在专班台账中报送，并通过同步包报回。逾期未报的，将在旬简报、月通报中予以通报。
      </p>
      <table>
        <thead>
          <tr>
            <th style={{ width: '22%' }}>单位</th>
            <th style={{ width: '12%' }}>编号</th>
            <th>任务</th>
          </tr>
        </thead>
        <tbody>
          {missing.flatMap((u) =>
            u.items
              .filter((i) => !i.reported)
              .map((i) => (
                <tr key={`${u.unitId}|${i.taskId}`}>
                  <td>{u.unit}</td>
                  <td>{i.code}</td>
                  <td>{i.title}</td>
                </tr>
              )),
          )}
        </tbody>
      </table>
      <p style={{ textAlign: 'right', marginTop: 24 }}>
        {office}
        <br />
        {chineseDate(data.asOf)}
      </p>
    </div>
  );
}

export function Reporting() {
  const { message } = App.useApp();
  const { plan, settings, identity, tasks, openTask } = useLedgerPick('plan', 'settings', 'identity', 'tasks', 'openTask');
  const periods = plan && settings ? reportPeriods(plan.year, settings.asOf) : [];
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [data, setData] = useState<ReportingData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = period ?? (settings ? currentPeriod(periods, settings.asOf) : undefined);
  useEffect(() => {
    if (!shown) return;
    let live = true;
    request('reporting.get', { period: shown }).then(
      (d) => live && (setData(d), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [shown, tasks]);
  const urge = async (p: string) => {
    const err = await change(() => request('reporting.urge', { period: p }));
    setError(err);
    if (!err) void message.success('已催报，将随下一次同步包送达各单位。');
  };
  if (!identity) return null;
  const missing = data?.units.filter((u) => u.reported < u.tasks) ?? [];

  return (
    <div data-testid="reporting-page">
      <div className="no-print">
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          报送情况
        </Typography.Title>
        <Select style={{ width: 190 }} value={shown} onChange={setPeriod} options={periods} data-testid="reporting-period" />
        {data && (
          <Typography.Text>
            报送率 <Typography.Text strong data-testid="reporting-rate">{pct(data.rate)}%</Typography.Text>（{data.reported}/{data.tasks}），未报齐 {missing.length} 个单位
          </Typography.Text>
        )}
        {identity.role !== 'unit' && missing.length > 0 && shown && (
          <>
            <Popconfirm
              title={`向 ${missing.length} 个单位催报？`}
              description="每个单位记一条催报，随下一次同步包送达，显示在其“我的待办”中，报齐后消除。"
              okText="确认催报"
              cancelText="取消"
              onConfirm={() => void urge(shown)}
            >
              <Button type="primary" data-testid="urge">
                一键催报
              </Button>
            </Popconfirm>
            <Button onClick={() => window.print()} data-testid="print-urge">
              打印催报通知
            </Button>
          </>
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {data && (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            {data.rule}
          </Typography.Paragraph>
          <Row gutter={12}>
            <Col span={8}>
              <Card size="small" title="各仗报送率">
                {data.battles.map((b) => (
                  <div key={b.battle} style={{ marginBottom: 6 }}>
                    <Typography.Text>{b.name}</Typography.Text>
                    <Progress percent={pct(b.rate)} size="small" format={() => `${b.reported}/${b.tasks}`} status={b.rate < 0.8 ? 'exception' : 'normal'} />
                  </div>
                ))}
              </Card>
            </Col>
            <Col span={16}>
              <Card size="small" title={`各单位（未报齐的在前）`}>
                <Table<ReportingUnit>
                  size="small"
                  rowKey="unitId"
                  data-testid="reporting-units"
                  pagination={false}
                  scroll={{ y: 420 }}
                  dataSource={data.units}
                  columns={[
                    { title: '单位', dataIndex: 'unit', key: 'u', width: 150 },
                    { title: '应报', dataIndex: 'tasks', key: 't', width: 56, align: 'right' },
                    { title: '已报', dataIndex: 'reported', key: 'r', width: 56, align: 'right' },
                    { title: '报送率', key: 'rate', width: 72, align: 'right', render: (_, u) => `${pct(u.rate)}%` },
                    {
                      title: '未报送的任务',
                      key: 'missing',
                      render: (_, u) =>
                        u.reported >= u.tasks ? (
                          <Tag color="green">已报齐</Tag>
                        ) : (
                          <Space size={4} wrap>
                            {u.items
                              .filter((i) => !i.reported)
                              .map((i) => (
                                <Typography.Link key={i.taskId} onClick={() => openTask(i.taskId)} title={i.title}>
                                  {i.code}
                                </Typography.Link>
                              ))}
                          </Space>
                        ),
                    },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {shown && <Typography.Text type="secondary" style={{ fontSize: 12 }}>报告期 {chineseDate(periodRange(shown).start)}—{chineseDate(periodRange(shown).end)}</Typography.Text>}
        </>
      )}
      </div>
      {data && <UrgeNotice data={data} office={identity.officeName} />}
    </div>
  );
}
