// 问题清单: every problem found, tied to a task and a unit with a deadline (限期整改), until it is cleared with a
// statement. Counters per unit and battle, and the open count at each 旬's end going to zero (动态清零).
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Segmented, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { VoidButton } from '../components/VoidButton';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { problemSourceLabel, type Problem } from '../../../shared/problems';
import { can } from '../../../shared/permissions';
import { chineseDate } from '../../../shared/period';
import { request } from '../api';
import { Chart, type ChartOption } from '../components/Chart';
import { change, useLedger, useLedgerPick } from '../state';
import { TEXT_MAX } from '../../../shared/limits';

type Data = ChannelOutput<'problems.list'>;

function RaiseForm({ onDone }: { onDone: () => void }) {
  const { tasks, identity, settings } = useLedgerPick('tasks', 'identity', 'settings');
  const [form] = Form.useForm<{ taskId: string; unit?: string; text: string; deadline: dayjs.Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  const taskId = Form.useWatch('taskId', form);
  const mine = useMemo(() => tasks.filter((t) => identity && can(identity, 'problem.raise', t)), [tasks, identity]);
  const task = mine.find((t) => t.id === taskId);
  const submit = async (v: { taskId: string; unit?: string; text: string; deadline: dayjs.Dayjs }) => {
    const err = await change(() => request('problem.raise', { taskId: v.taskId, text: v.text, deadline: v.deadline.format('YYYY-MM-DD'), ...(v.unit ? { unit: v.unit } : {}) }));
    setError(err);
    if (!err) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Form form={form} layout="vertical" size="small" onFinish={(v) => void submit(v)} data-testid="problem-form">
      <Form.Item name="taskId" label="涉及任务" rules={[{ required: true, message: '请选择任务' }]} style={{ marginBottom: 8 }}>
        <Select showSearch optionFilterProp="label" options={mine.map((t) => ({ value: t.id, label: `${t.code} ${t.title}` }))} placeholder="输入编号或任务名称" data-testid="problem-task" />
      </Form.Item>
      <Form.Item name="unit" label="交办单位" style={{ marginBottom: 8 }} extra="默认交给牵头单位">
        <Select allowClear options={[...(task?.leadUnits ?? []), ...(task?.coUnits ?? [])].map((u) => ({ value: u, label: u }))} />
      </Form.Item>
      <Form.Item name="text" label="问题" rules={[{ required: true, message: '请写明问题' }]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={TEXT_MAX.reason} data-testid="problem-text" />
      </Form.Item>
      <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: '请选择整改时限' }]} style={{ marginBottom: 8 }}>
        <DatePicker style={{ width: '100%' }} minDate={settings ? dayjs(settings.asOf) : undefined} data-testid="problem-deadline" />
      </Form.Item>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Button type="primary" htmlType="submit" data-testid="problem-save">
        交办
      </Button>
    </Form>
  );
}

export function Problems() {
  const { message } = App.useApp();
  const identity = useLedger((s) => s.identity);
  const [data, setData] = useState<Data | null>(null);
  const [show, setShow] = useState<'open' | 'all'>('open');
  const [clearing, setClearing] = useState<Problem | null>(null);
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const reload = () => void request('problems.list', {}).then(setData, (e: Error) => setError(e.message));
  useEffect(reload, []);
  const problems = data?.problems ?? [];
  const open = problems.filter((p) => p.state === 'open');
  const overdue = open.filter((p) => p.overdue);
  const mayRaise = identity && identity.role !== 'unit';

  const series: ChartOption = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      xAxis: { type: 'category', data: (data?.series ?? []).map((s) => s.date.slice(5).replace('-', '/')) },
      yAxis: { type: 'value', minInterval: 1, name: '未清零' },
      series: [{ name: '未清零问题', type: 'line', step: 'end', areaStyle: { opacity: 0.15 }, data: (data?.series ?? []).map((s) => s.open), itemStyle: { color: '#fa541c' } }],
    }),
    [data],
  );

  const clear = async () => {
    if (!clearing) return;
    try {
      await request('problem.clear', { id: clearing.id, statement });
      message.success('已整改清零');
      setClearing(null);
      setStatement('');
      setError(null);
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Row gutter={12}>
        <Col span={8}>
          <Card size="small">
            <Space size="large" data-testid="problem-counters">
              <Statistic title="未清零" value={open.length} />
              <Statistic title="逾期未改" value={overdue.length} valueStyle={{ color: overdue.length ? '#cf1322' : undefined }} />
              <Statistic title="已清零" value={problems.length - open.length} />
            </Space>
          </Card>
          <Card size="small" title="各单位" style={{ marginTop: 12 }}>
            <Table
              size="small"
              rowKey="key"
              pagination={{ pageSize: 6, hideOnSinglePage: true }}
              dataSource={data?.byUnit ?? []}
              locale={{ emptyText: '还没有交办问题' }}
              columns={[
                { title: '单位', dataIndex: 'key' },
                { title: '未清零', dataIndex: 'open', align: 'right' },
                { title: '逾期', dataIndex: 'overdue', align: 'right' },
                { title: '已清零', dataIndex: 'cleared', align: 'right' },
              ]}
            />
          </Card>
        </Col>
        <Col span={16}>
          <Card size="small" title="动态清零：每旬末未清零问题数">
            {data?.series.length ? <Chart option={series} height={250} testId="problem-series" /> : <Typography.Text type="secondary">交办问题后，这里显示未清零数随时间的变化。</Typography.Text>}
          </Card>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={mayRaise ? 16 : 24}>
          <Card
            size="small"
            title="问题清单"
            extra={<Segmented value={show} onChange={(v) => setShow(v as 'open' | 'all')} options={[{ value: 'open', label: '未清零' }, { value: 'all', label: '全部' }]} />}
          >
            {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
            <Table<Problem>
              size="small"
              rowKey="id"
              data-testid="problem-table"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={show === 'open' ? open : problems}
              locale={{ emptyText: show === 'open' ? '没有未清零的问题' : '还没有交办问题' }}
              columns={[
                { title: '任务', key: 't', width: 160, render: (_, p) => `${p.taskCode} ${p.taskTitle}` },
                { title: '问题', dataIndex: 'text' },
                { title: '单位', dataIndex: 'unit', width: 110 },
                { title: '来源', key: 's', width: 80, render: (_, p) => problemSourceLabel[p.source] },
                { title: '时限', key: 'd', width: 120, render: (_, p) => chineseDate(p.deadline) },
                {
                  title: '状态',
                  key: 'st',
                  width: 170,
                  render: (_, p) =>
                    p.state === 'cleared' ? (
                      <Typography.Text type="secondary">✓ 已清零（{p.statement}）</Typography.Text>
                    ) : (
                      <Space>
                        {p.overdue ? <Tag color="error">■ 逾期</Tag> : <Tag color="processing">整改中</Tag>}
                        {identity && can(identity, 'problem.clear', { battle: p.battle, leadUnitIds: p.unit === identity.officeName ? [identity.officeUnitId] : [], coUnitIds: [] }) && (
                          <Button size="small" onClick={() => setClearing(p)} data-testid="problem-clear">
                            整改完成
                          </Button>
                        )}
                        {mayRaise && <VoidButton entity="problem" id={p.id} label={p.text.slice(0, 30)} onDone={reload} />}
                      </Space>
                    ),
                },
              ]}
            />
          </Card>
        </Col>
        {mayRaise && (
          <Col span={8}>
            <Card size="small" title="交办问题">
              <RaiseForm onDone={reload} />
            </Card>
          </Col>
        )}
      </Row>
      <Modal open={!!clearing} title="报告整改完成" okText="确认清零" onCancel={() => setClearing(null)} onOk={() => void clear()}>
        <Typography.Paragraph>{clearing?.text}</Typography.Paragraph>
        <Input.TextArea autoSize={{ minRows: 3 }} placeholder="整改情况" value={statement} onChange={(e) => setStatement(e.target.value)} data-testid="problem-statement" />
      </Modal>
    </Space>
  );
}
