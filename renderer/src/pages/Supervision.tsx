// 督办: candidates the rules suggest (三旬逾期 → 约谈, 逾期 → 督办单, 全部按序时且有销号 → 表扬) for a person to
// decide; the actions taken; and units ranked by outcomes — never by logins or time spent in the application.
import { App, Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { supervisionKindLabel, supervisionKinds, type Candidate, type Supervision as Action, type SupervisionKind } from '../../../shared/supervision';
import { chineseDate } from '../../../shared/period';
import { request } from '../api';
import { Chart, type ChartOption } from '../components/Chart';
import { useLedger, useLedgerPick } from '../state';
import { TEXT_MAX } from '../../../shared/limits';

type Data = ChannelOutput<'supervision.overview'>;

const KIND_COLOR: Record<SupervisionKind, string> = { commend: 'success', notice: 'warning', interview: 'error', urge: 'processing' };

interface Draft {
  kind: SupervisionKind;
  unit: string;
  taskIds: string[];
  matter: string;
}

function ActionForm({ draft, onClose, onDone }: { draft: Draft | null; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const { tasks, units } = useLedgerPick('tasks', 'units');
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) as SupervisionKind | undefined;
  useEffect(() => {
    if (draft) form.setFieldsValue({ ...draft, deadline: undefined, heldOn: undefined, participants: '', outcome: '', reply: '' });
    setError(null);
  }, [draft, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await request('supervision.add', {
        kind: v.kind,
        unit: v.unit,
        taskIds: v.taskIds ?? [],
        matter: v.matter ?? '',
        ...(v.deadline ? { deadline: (v.deadline as Dayjs).format('YYYY-MM-DD') } : {}),
        ...(v.heldOn ? { heldOn: (v.heldOn as Dayjs).format('YYYY-MM-DD') } : {}),
        ...(v.reply ? { reply: v.reply } : {}),
        ...(v.participants ? { participants: v.participants } : {}),
        ...(v.outcome ? { outcome: v.outcome } : {}),
      });
      message.success(v.kind === 'notice' ? `已登记督办单第${r.number}号` : `已登记${supervisionKindLabel[v.kind as SupervisionKind]}`);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal open={!!draft} width={640} title="登记督办事项" okText="登记" onCancel={onClose} onOk={() => void submit()} destroyOnHidden>
      <Form form={form} layout="vertical" size="small" data-testid="supervision-form">
        <Space align="start">
          <Form.Item name="kind" label="方式" style={{ marginBottom: 8 }}>
            <Select style={{ width: 120 }} options={supervisionKinds.filter((k) => k !== 'urge').map((k) => ({ value: k, label: supervisionKindLabel[k] }))} />
          </Form.Item>
          <Form.Item name="unit" label="单位" rules={[{ required: true, message: '请选择单位' }]} style={{ marginBottom: 8 }}>
            <Select style={{ width: 220 }} showSearch options={units.map((u) => ({ value: u.name, label: u.name }))} />
          </Form.Item>
        </Space>
        <Form.Item name="taskIds" label="涉及任务" style={{ marginBottom: 8 }}>
          <Select mode="multiple" optionFilterProp="label" options={tasks.map((t) => ({ value: t.id, label: `${t.code} ${t.title}` }))} />
        </Form.Item>
        <Form.Item name="matter" label="事由" rules={[{ required: true, message: '请写明事由' }]} style={{ marginBottom: 8 }}>
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={TEXT_MAX.statement} />
        </Form.Item>
        {kind === 'notice' && (
          <Space align="start">
            <Form.Item name="deadline" label="办理时限" rules={[{ required: true, message: '请选择办理时限' }]} style={{ marginBottom: 8 }}>
              <DatePicker data-testid="supervision-deadline" />
            </Form.Item>
            <Form.Item name="reply" label="回复要求" style={{ marginBottom: 8 }}>
              <Input style={{ width: 320 }} placeholder="如：书面报送整改情况" />
            </Form.Item>
          </Space>
        )}
        {kind === 'interview' && (
          <>
            <Space align="start">
              <Form.Item name="heldOn" label="约谈日期" rules={[{ required: true, message: '请选择日期' }]} style={{ marginBottom: 8 }}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="participants" label="约谈人" style={{ marginBottom: 8 }}>
                <Input style={{ width: 320 }} />
              </Form.Item>
            </Space>
            <Form.Item name="outcome" label="约谈结果" style={{ marginBottom: 8 }}>
              <Input.TextArea autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
        {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      </Form>
    </Modal>
  );
}

export function Supervision() {
  const identity = useLedger((s) => s.identity);
  const [data, setData] = useState<Data | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => void request('supervision.overview', {}).then(setData, (e: Error) => setError(e.message));
  useEffect(reload, []);
  const mayAct = identity && identity.role !== 'unit';
  const ranking = data?.ranking ?? [];
  const chart: ChartOption = useMemo(() => {
    const top = ranking.slice(0, 15);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 120, right: 16, top: 8, bottom: 36 },
      xAxis: { type: 'value', max: 100, name: '%' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => `${r.rank}. ${r.unit}`) },
      series: [
        { name: '按序时推进', type: 'bar', data: top.map((r) => r.onTime), itemStyle: { color: '#52c41a' } },
        { name: '销号率', type: 'bar', data: top.map((r) => r.closed), itemStyle: { color: '#1677ff' } },
      ],
    };
  }, [ranking]);

  const decide = (c: Candidate) =>
    setDraft({ kind: c.kind, unit: c.unit, taskIds: c.taskIds.slice(0, 20), matter: c.kind === 'commend' ? `${c.unit}${c.reason}，予以通报表扬。` : `${c.unit}${c.reason}，请限期整改。` });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Row gutter={12}>
        <Col span={12}>
          <Card
            size="small"
            title="规则建议（由人决定）"
            extra={mayAct && <Button onClick={() => setDraft({ kind: 'notice', unit: '', taskIds: [], matter: '' })}>登记督办事项</Button>}
          >
            <Table<Candidate>
              size="small"
              rowKey={(c) => `${c.kind}|${c.unit}`}
              data-testid="candidates"
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              dataSource={data?.candidates ?? []}
              locale={{ emptyText: '没有符合规则的单位' }}
              columns={[
                { title: '建议', key: 'k', width: 96, render: (_, c) => <Tag color={KIND_COLOR[c.kind]}>{supervisionKindLabel[c.kind]}</Tag> },
                { title: '单位', dataIndex: 'unit', width: 140 },
                { title: '依据', dataIndex: 'reason' },
                ...(mayAct ? [{ title: '', key: 'a', width: 70, render: (_: unknown, c: Candidate) => <Button size="small" onClick={() => decide(c)} data-testid="candidate-decide">决定</Button> }] : []),
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="单位推进成效排名（按序时推进比例、销号率、逾期数、问题清零率）">
            <Chart option={chart} height={300} testId="ranking-chart" />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="督办记录">
        <Table<Action>
          size="small"
          rowKey="id"
          data-testid="supervision-actions"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={data?.actions ?? []}
          locale={{ emptyText: '还没有表扬、督办或约谈记录' }}
          columns={[
            { title: '方式', key: 'k', width: 110, render: (_, a) => <Tag color={KIND_COLOR[a.kind]}>{supervisionKindLabel[a.kind]}{a.number ? ` 第${a.number}号` : ''}</Tag> },
            { title: '单位', dataIndex: 'unit', width: 130 },
            { title: '事由', dataIndex: 'matter' },
            { title: '涉及任务', key: 't', width: 160, render: (_, a) => a.tasks.map((t) => t.code).join('、') },
            { title: '时限/日期', key: 'd', width: 130, render: (_, a) => chineseDate(a.deadline || a.heldOn) },
            { title: '结果', dataIndex: 'outcome', width: 160 },
            { title: '登记单位', dataIndex: 'by', width: 110 },
          ]}
        />
      </Card>
      <Card size="small" title="排名明细">
        <Table
          size="small"
          rowKey="unit"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={ranking}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 60 },
            { title: '单位', dataIndex: 'unit' },
            { title: '牵头任务', dataIndex: 'tasks', align: 'right' },
            { title: '按序时推进', dataIndex: 'onTime', align: 'right', render: (v: number) => `${v}%` },
            { title: '销号率', dataIndex: 'closed', align: 'right', render: (v: number) => `${v}%` },
            { title: '逾期', dataIndex: 'overdue', align: 'right' },
            { title: '问题清零率', dataIndex: 'problemsCleared', align: 'right', render: (v: number) => `${v}%` },
          ]}
        />
      </Card>
      <ActionForm
        draft={draft}
        onClose={() => setDraft(null)}
        onDone={() => {
          setDraft(null);
          reload();
        }}
      />
    </Space>
  );
}

