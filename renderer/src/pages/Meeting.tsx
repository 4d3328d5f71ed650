// 调度会: the monthly dispatch analysis meeting. Open the month: the agenda is drawn from the ledger (overdue and
// warned tasks, open problems, indicators behind schedule); record the meeting and its decisions; a decision can
// become a task or a problem on the spot.
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, List, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { VoidButton } from '../components/VoidButton';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { indicatorLightLabel } from '../../../shared/indicators';
import { chineseDate } from '../../../shared/period';
import { request } from '../api';
import { UnitsFields } from '../components/UnitsFields';
import { change, useLedger, useLedgerPick } from '../state';
import { useSectionOptions } from '../useSectionOptions';
import { TEXT_MAX } from '../../../shared/limits';

type Data = ChannelOutput<'meeting.get'>;

function months(year: number, asOf: string): { value: string; label: string }[] {
  const last = asOf.startsWith(`${year}-`) ? Number(asOf.slice(5, 7)) : 12;
  return Array.from({ length: last }, (_, i) => `${year}-${String(last - i).padStart(2, '0')}`).map((m) => ({ value: m, label: `${year}年${Number(m.slice(5))}月` }));
}

function Agenda({ a }: { a: Data['agenda'] }) {
  const { openTask } = useLedgerPick('openTask');
  const section = (title: string, n: number, body: React.ReactNode) => (
    <Card size="small" title={`${title}（${n}）`} style={{ marginBottom: 8 }}>
      {n ? body : <Typography.Text type="secondary">无</Typography.Text>}
    </Card>
  );
  const tasks = (list: Data['agenda']['overdue']) => (
    <List
      size="small"
      dataSource={list.slice(0, 30)}
      renderItem={(t) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => openTask(t.id)}>
          <Typography.Text>
            {t.code} {t.title}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t.units}
            {t.dueDate ? ` · 时限${chineseDate(t.dueDate)}` : ''}
          </Typography.Text>
        </List.Item>
      )}
      footer={list.length > 30 ? `另有${list.length - 30}项，见台账` : undefined}
    />
  );
  return (
    <div data-testid="agenda">
      <Typography.Paragraph type="secondary">议题由台账截至{chineseDate(a.asOf)}的情况生成。</Typography.Paragraph>
      {section('一、逾期任务', a.overdue.length, tasks(a.overdue))}
      {section('二、预警任务', a.warned.length, tasks(a.warned))}
      {section(
        '三、未清零问题',
        a.problems.length,
        <List size="small" dataSource={a.problems} renderItem={(p) => <List.Item>{`${p.taskCode} ${p.unit}：${p.text}（时限${chineseDate(p.deadline)}${p.overdue ? '，已逾期' : ''}）`}</List.Item>} />,
      )}
      {section(
        '四、滞后于序时的指标',
        a.indicators.length,
        <List
          size="small"
          dataSource={a.indicators}
          renderItem={(i) => (
            <List.Item>
              {i.battleName} · {i.name}：{i.latest.period} 完成 {i.latest.value}，完成率 {i.completion ?? '—'}%（序时 {i.schedule}%） <Tag>{indicatorLightLabel[i.light]}</Tag>
            </List.Item>
          )}
        />,
      )}
    </div>
  );
}

interface DecisionValues {
  kind: 'note' | 'task' | 'problem';
  text: string;
  section?: string;
  leadUnits?: string[];
  coUnits?: string[];
  dueDate?: Dayjs;
  taskId?: string;
  deadline?: Dayjs;
}

function DecisionForm({ month, agenda, onDone }: { month: string; agenda: Data['agenda']; onDone: () => void }) {
  const sections = useSectionOptions();
  const tasks = useLedger((s) => s.tasks);
  const [form] = Form.useForm<DecisionValues>();
  const kind = Form.useWatch('kind', form) ?? 'note';
  const [error, setError] = useState<string | null>(null);
  // The agenda's tasks first: a decision is usually about one of them.
  const taskOptions = useMemo(() => {
    const first = new Set([...agenda.overdue, ...agenda.warned].map((t) => t.id));
    return [...tasks].sort((a, b) => Number(first.has(b.id)) - Number(first.has(a.id))).map((t) => ({ value: t.id, label: `${t.code} ${t.title}` }));
  }, [tasks, agenda]);
  const submit = async (v: DecisionValues) => {
    const input =
      v.kind === 'task'
        ? { month, kind: 'task' as const, text: v.text, section: v.section ?? '', lead: v.leadUnits ?? [], co: v.coUnits ?? [], ...(v.dueDate ? { dueDate: v.dueDate.format('YYYY-MM-DD') } : {}) }
        : v.kind === 'problem'
          ? { month, kind: 'problem' as const, text: v.text, taskId: v.taskId ?? '', deadline: v.deadline ? v.deadline.format('YYYY-MM-DD') : '' }
          : { month, kind: 'note' as const, text: v.text };
    const err = await change(() => request('meeting.decide', input));
    setError(err);
    if (!err) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Form form={form} layout="vertical" size="small" initialValues={{ kind: 'note' }} onFinish={(v) => void submit(v)} data-testid="decision-form">
      <Form.Item name="kind" style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'note', label: '记录决定' },
            { value: 'task', label: '决定并新增任务' },
            { value: 'problem', label: '决定并交办问题' },
          ]}
        />
      </Form.Item>
      <Form.Item name="text" label="决定事项" rules={[{ required: true, message: '请写明决定事项' }]} style={{ marginBottom: 8 }}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={TEXT_MAX.statement} data-testid="decision-text" />
      </Form.Item>
      {kind === 'task' && (
        <>
          <Form.Item name="section" label="列入哪一方面" rules={[{ required: true, message: '请选择' }]} style={{ marginBottom: 8 }}>
            <Select showSearch optionFilterProp="label" options={sections} data-testid="decision-section" />
          </Form.Item>
          <UnitsFields />
          <Form.Item name="dueDate" label="完成时限" style={{ marginBottom: 8 }}>
            <DatePicker />
          </Form.Item>
        </>
      )}
      {kind === 'problem' && (
        <Space align="start" wrap>
          <Form.Item name="taskId" label="涉及任务" rules={[{ required: true, message: '请选择任务' }]} style={{ marginBottom: 8 }}>
            <Select style={{ width: 340 }} showSearch optionFilterProp="label" options={taskOptions} data-testid="decision-task" />
          </Form.Item>
          <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: '请选择整改时限' }]} style={{ marginBottom: 8 }}>
            <DatePicker data-testid="decision-deadline" />
          </Form.Item>
        </Space>
      )}
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Button type="primary" htmlType="submit" data-testid="decision-save">
        记入纪要
      </Button>
    </Form>
  );
}

export function Meeting() {
  const { message } = App.useApp();
  const { plan, settings, identity } = useLedgerPick('plan', 'settings', 'identity');
  const options = useMemo(() => (plan && settings ? months(plan.year, settings.asOf) : []), [plan, settings]);
  const [month, setMonth] = useState<string>('');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const asked = useRef(0);
  useEffect(() => setMonth((m) => m || options[0]?.value || ''), [options]);
  const reload = () => {
    if (!month) return;
    const n = ++asked.current;
    void request('meeting.get', { month }).then(
      (d) => {
        if (n !== asked.current) return;
        setData(d);
        setError(null);
        form.setFieldsValue(d.meeting ? { ...d.meeting, heldOn: dayjs(d.meeting.heldOn) } : { heldOn: undefined, place: '', chair: '', attendees: '', minutes: '' });
      },
      (e: Error) => n === asked.current && setError(e.message),
    );
  };
  useEffect(reload, [month]);
  const mayRecord = identity?.role === 'center';

  const save = async () => {
    const v = await form.validateFields();
    try {
      await request('meeting.save', { month, heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD'), place: v.place ?? '', chair: v.chair ?? '', attendees: v.attendees ?? '', minutes: v.minutes ?? '' });
      message.success('已保存会议记录');
      reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Space>
        <Typography.Text strong>调度分析会</Typography.Text>
        <Select style={{ width: 160 }} value={month || undefined} onChange={setMonth} options={options} data-testid="meeting-month" />
        {!mayRecord && <Typography.Text type="secondary">会议由总指挥中心记录，本机可查看议题和纪要。</Typography.Text>}
      </Space>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {!data ? (
        <Empty description="请选择月份" />
      ) : (
        <Row gutter={12}>
          <Col span={12}>
            <Agenda a={data.agenda} />
          </Col>
          <Col span={12}>
            <Card size="small" title="会议记录" style={{ marginBottom: 12 }}>
              <Form form={form} layout="vertical" size="small" disabled={!mayRecord} data-testid="meeting-form">
                <Space align="start" wrap>
                  <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择会议日期' }]} style={{ marginBottom: 8 }}>
                    <DatePicker data-testid="meeting-date" />
                  </Form.Item>
                  <Form.Item name="place" label="地点" style={{ marginBottom: 8 }}>
                    <Input style={{ width: 200 }} />
                  </Form.Item>
                  <Form.Item name="chair" label="主持" style={{ marginBottom: 8 }}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                </Space>
                <Form.Item name="attendees" label="参会单位和人员" style={{ marginBottom: 8 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
                </Form.Item>
                <Form.Item name="minutes" label="会议纪要" style={{ marginBottom: 8 }}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="meeting-minutes" />
                </Form.Item>
                {mayRecord && (
                  <Button onClick={() => void save()} data-testid="meeting-save">
                    保存会议记录
                  </Button>
                )}
              </Form>
            </Card>
            <Card size="small" title={`决定事项（${data.decisions.length}）`}>
              <List
                size="small"
                data-testid="decisions"
                dataSource={data.decisions}
                locale={{ emptyText: '还没有决定事项' }}
                renderItem={(d) => (
                  <List.Item>
                    <Typography.Text>
                      {d.ord}. {d.text}
                    </Typography.Text>
                    {d.kind === 'task' && <Tag color="blue">新增任务 {d.ref}</Tag>}
                    {d.kind === 'problem' && <Tag color="orange">已交办问题</Tag>}
                    {mayRecord && <VoidButton entity="decision" id={d.id} label={d.text.slice(0, 30)} onDone={reload} />}
                  </List.Item>
                )}
              />
              {mayRecord && data.meeting && (
                <div style={{ marginTop: 12 }}>
                  <DecisionForm month={month} agenda={data.agenda} onDone={reload} />
                </div>
              )}
              {mayRecord && !data.meeting && <Typography.Text type="secondary">保存会议记录后即可记录决定事项。</Typography.Text>}
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
