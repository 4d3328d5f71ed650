// 指标: the indicator system. Per battle, indicators by light; the list with each latest actual against its target
// and 序时进度, the rule shown next to the light; one indicator's trend against its target path, its actuals, and
// the forms to enter an actual (owner unit) or change the definition (taskforce, center).
import { App, Button, Card, Checkbox, Col, Descriptions, Drawer, Form, Input, InputNumber, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { cadenceLabel, elapsedShare, indicatorLightLabel, valuePeriodEnd, type Indicator, type IndicatorLight } from '../../../shared/indicators';
import { can } from '../../../shared/permissions';
import { request } from '../api';
import { Chart, LIGHT_COLOR, type ChartOption } from '../components/Chart';
import { allGroupsLabel, battleOrdinal, groupLabel } from '../labels';
import { useLedger, useLedgerPick } from '../state';

type Data = ChannelOutput<'indicators.list'>;

const LIGHT_MARK: Record<IndicatorLight, string> = { green: '●', yellow: '▲', red: '■', none: '○' };

export function IndicatorLightTag({ light, rule }: { light: IndicatorLight; rule: string }) {
  const color = { green: 'success', yellow: 'warning', red: 'error', none: 'default' }[light];
  return (
    <Tooltip title={rule}>
      <Tag color={color}>
        {LIGHT_MARK[light]} {indicatorLightLabel[light]}
      </Tag>
    </Tooltip>
  );
}

/** The periods of the plan year for a cadence: 2023-01…12, 2023-Q1…Q4, or 2023. */
function yearPeriods(year: number, cadence: Indicator['cadence']): string[] {
  if (cadence === 'annual') return [String(year)];
  if (cadence === 'quarterly') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

const periodName = (p: string) => (p.includes('Q') ? `${p.slice(-1)}季度` : p.length === 4 ? `${p}年` : `${Number(p.slice(5))}月`);

function trendOption(ind: Indicator, year: number): ChartOption {
  const periods = yearPeriods(year, ind.cadence);
  const values = new Map(ind.values.map((v) => [v.period, v.value]));
  const rate = ind.kind === 'growth' || ind.kind === 'ratio';
  const path = periods.map((p) => (rate ? ind.target : Math.round(ind.target * elapsedShare(valuePeriodEnd(p))) / 100));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['完成值', rate ? '目标' : '序时目标'], bottom: 0 },
    grid: { left: 48, right: 16, top: 24, bottom: 40 },
    xAxis: { type: 'category', data: periods.map(periodName) },
    yAxis: { type: 'value', name: ind.unit, scale: rate },
    series: [
      { name: '完成值', type: 'line', data: periods.map((p) => values.get(p) ?? null), connectNulls: true, symbolSize: 8, itemStyle: { color: '#1677ff' } },
      { name: rate ? '目标' : '序时目标', type: 'line', data: path, lineStyle: { type: 'dashed' }, symbol: 'none', itemStyle: { color: '#8c8c8c' } },
    ],
  };
}

function ValueForm({ ind, year, onSaved }: { ind: Indicator; year: number; onSaved: () => void }) {
  const { message } = App.useApp();
  const [period, setPeriod] = useState<string>();
  const [value, setValue] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const entered = new Set(ind.values.map((v) => v.period));
  const save = async () => {
    if (!period || value === null) {
      setError('请选择期别并填写完成值。');
      return;
    }
    try {
      await request('indicator.setValue', { id: ind.id, period, value, note, replace });
      message.success(`已填报 ${periodName(period)}：${value}${ind.unit}`);
      setError(null);
      setValue(null);
      setNote('');
      setReplace(false);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Form layout="vertical" size="small" data-testid="value-form">
      <Space align="start" wrap>
        <Form.Item label="期别" style={{ marginBottom: 8 }}>
          <Select
            style={{ width: 120 }}
            value={period}
            onChange={(p) => {
              setPeriod(p);
              setReplace(false);
            }}
            options={yearPeriods(year, ind.cadence).map((p) => ({ value: p, label: `${periodName(p)}${entered.has(p) ? '（已填）' : ''}` }))}
            data-testid="value-period"
          />
        </Form.Item>
        <Form.Item label={`完成值（${ind.unit || '数值'}）`} style={{ marginBottom: 8 }}>
          <InputNumber style={{ width: 130 }} value={value} onChange={(v) => setValue(typeof v === 'number' ? v : null)} data-testid="value-input" />
        </Form.Item>
        <Form.Item label="说明" style={{ marginBottom: 8 }}>
          <Input style={{ width: 200 }} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Space>
      {period && entered.has(period) && (
        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="value-replace">
          该期已填报，更正为新值
        </Checkbox>
      )}
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Button type="primary" onClick={() => void save()} data-testid="value-save" style={{ display: 'block', marginTop: 8 }}>
        填报
      </Button>
    </Form>
  );
}

interface DefinitionValues {
  name: string;
  definition: string;
  source: string;
  owner: string;
  cadence: Indicator['cadence'];
  baseline: string;
  target: number;
  unit: string;
  targetText: string;
}

/** 口径, source, owner, cadence, baseline and target: for the battle's taskforce and the center. */
function DefinitionForm({ ind, battle, onSaved }: { ind: Indicator | null; battle: number; onSaved: () => void }) {
  const { message } = App.useApp();
  const units = useLedger((s) => s.units);
  const [form] = Form.useForm<DefinitionValues>();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: DefinitionValues) => {
    try {
      if (ind) await request('indicator.update', { id: ind.id, edit: v });
      else await request('indicator.add', { battle, edit: { ...v, kind: 'absolute' } });
      message.success(ind ? '已保存指标定义' : '已新增指标');
      setError(null);
      onSaved();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Form<DefinitionValues>
      form={form}
      layout="vertical"
      size="small"
      data-testid="definition-form"
      initialValues={ind ? { name: ind.name, definition: ind.definition, source: ind.source, owner: ind.owner, cadence: ind.cadence, baseline: ind.baseline, target: ind.target, unit: ind.unit, targetText: ind.targetText } : { cadence: 'monthly' }}
      onFinish={(v) => void submit(v)}
    >
      <Row gutter={8}>
        <Col span={12}>
          <Form.Item name="name" label="指标名称" rules={[{ required: true, message: '请填写指标名称' }]} style={{ marginBottom: 8 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="owner" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]} style={{ marginBottom: 8 }}>
            <Select showSearch options={units.map((u) => ({ value: u.name, label: u.name }))} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="definition" label="口径" style={{ marginBottom: 8 }}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="source" label="数据来源" style={{ marginBottom: 8 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="cadence" label="填报频次" style={{ marginBottom: 8 }}>
            <Select options={(['monthly', 'quarterly', 'annual'] as const).map((c) => ({ value: c, label: cadenceLabel[c] }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="baseline" label="基数" style={{ marginBottom: 8 }}>
            <Input maxLength={30} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="target" label="目标值" rules={[{ required: true, message: '请填写目标值' }]} style={{ marginBottom: 8 }}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="unit" label="计量单位" style={{ marginBottom: 8 }}>
            <Input maxLength={10} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="targetText" label="目标表述" style={{ marginBottom: 8 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Button htmlType="submit" data-testid="definition-save">
        {ind ? '保存定义' : '新增指标'}
      </Button>
    </Form>
  );
}

function IndicatorDrawer({ ind, year, onClose, onSaved }: { ind: Indicator | null; year: number; onClose: () => void; onSaved: () => void }) {
  const identity = useLedger((s) => s.identity);
  if (!ind || !identity) return null;
  const own = ind.owner === identity.officeName;
  const mayReport = can(identity, 'indicator.report', { battle: ind.battle, leadUnitIds: own ? [identity.officeUnitId] : [], coUnitIds: [] });
  return (
    <Drawer open width={720} title={ind.name} onClose={onClose} data-testid="indicator-drawer">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="年度目标">{ind.targetText || `${ind.target}${ind.unit}`}</Descriptions.Item>
        <Descriptions.Item label="责任单位">{ind.owner}</Descriptions.Item>
        <Descriptions.Item label="口径" span={2}>
          {ind.definition || '—'}
        </Descriptions.Item>
        <Descriptions.Item label="数据来源">{ind.source || '—'}</Descriptions.Item>
        <Descriptions.Item label="填报频次">{cadenceLabel[ind.cadence]}</Descriptions.Item>
        <Descriptions.Item label="基数">{ind.baseline || '—'}</Descriptions.Item>
        <Descriptions.Item label="定义">{ind.definedBy}</Descriptions.Item>
        <Descriptions.Item label="判定规则" span={2}>
          <IndicatorLightTag light={ind.assessment.light} rule={ind.assessment.rule} /> {ind.assessment.rule}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title="走势" style={{ marginTop: 12 }}>
        <Chart option={trendOption(ind, year)} height={220} testId="indicator-trend" />
      </Card>
      <Card size="small" title="已填报" style={{ marginTop: 12 }}>
        <Table
          size="small"
          rowKey="period"
          pagination={false}
          dataSource={[...ind.values].reverse()}
          locale={{ emptyText: '尚未填报' }}
          columns={[
            { title: '期别', dataIndex: 'period', render: periodName },
            { title: '完成值', dataIndex: 'value', align: 'right', render: (v: number) => `${v}${ind.unit}` },
            { title: '说明', dataIndex: 'note' },
            { title: '填报单位', dataIndex: 'unit' },
            { title: '日期', dataIndex: 'enteredOn' },
          ]}
        />
      </Card>
      {mayReport && (
        <Card size="small" title="填报完成值" style={{ marginTop: 12 }}>
          <ValueForm ind={ind} year={year} onSaved={onSaved} />
        </Card>
      )}
      {can(identity, 'indicator.define', { battle: ind.battle, leadUnitIds: [], coUnitIds: [] }) && (
        <Card size="small" title="指标定义" style={{ marginTop: 12 }}>
          <DefinitionForm key={ind.id} ind={ind} battle={ind.battle} onSaved={onSaved} />
        </Card>
      )}
    </Drawer>
  );
}

export function Indicators() {
  const { plan, identity } = useLedgerPick('plan', 'identity');
  const [adding, setAdding] = useState(false);
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [battle, setBattle] = useState<number>(0);
  const reload = () => void request('indicators.list', {}).then(setData, (e: Error) => setError(e.message));
  useEffect(reload, []);
  const year = plan?.year ?? new Date().getFullYear();
  const shown = useMemo(() => (data?.indicators ?? []).filter((i) => !battle || i.battle === battle), [data, battle]);
  const summary: ChartOption = useMemo(() => {
    const bs = data?.battles ?? [];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 90, right: 24, top: 8, bottom: 56 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: bs.map((b) => b.name), inverse: true },
      series: (['green', 'yellow', 'red', 'none'] as const).map((l) => ({
        name: indicatorLightLabel[l],
        type: 'bar',
        stack: 'all',
        itemStyle: { color: LIGHT_COLOR[l] },
        label: { show: true, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
        data: bs.map((b) => b.counts[l] ?? 0),
      })),
    };
  }, [data]);
  const open = data?.indicators.find((i) => i.id === openId) ?? null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Row gutter={12}>
        <Col span={10}>
          <Card size="small" title={`各${groupLabel()}指标完成情况`}>
            <Chart option={summary} height={250} testId="indicator-summary" />
          </Card>
        </Col>
        <Col span={14}>
          <Card size="small" title="判定规则">
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              增速类指标：累计增速达到年度目标为“达到序时”，低于目标1个百分点以内为“略有差距”，其余为“明显滞后”。
            </Typography.Paragraph>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              总量、个数类指标：累计完成率不低于序时进度（期末已过天数÷全年天数）为“达到序时”，差10个百分点以内为“略有差距”。
            </Typography.Paragraph>
            <Typography.Text type="secondary">完成值由责任单位填报一次，简报、通报和调度会都从这里读取。</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card
        size="small"
        title={`推进指标（${shown.length}）`}
        extra={
          <Space>
          {identity && identity.role !== 'unit' && (
            <Button onClick={() => setAdding(true)} data-testid="indicator-add">
              新增指标
            </Button>
          )}
          <Select
            style={{ width: 200 }}
            value={battle}
            onChange={setBattle}
            options={[{ value: 0, label: allGroupsLabel() }, ...(data?.battles ?? []).map((b) => ({ value: b.battle, label: `${battleOrdinal(b.battle)} ${b.name}` }))]}
            data-testid="indicator-battle"
          />
          </Space>
        }
      >
        <Table<Indicator>
          size="small"
          rowKey="id"
          data-testid="indicator-table"
          pagination={false}
          dataSource={shown}
          onRow={(r) => ({ onClick: () => setOpenId(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: groupLabel(), dataIndex: 'battleName', width: 110 },
            { title: '指标', dataIndex: 'name' },
            { title: '年度目标', key: 't', width: 120, render: (_, r) => r.targetText || `${r.target}${r.unit}` },
            { title: '责任单位', dataIndex: 'owner', width: 130 },
            { title: '频次', key: 'c', width: 60, render: (_, r) => cadenceLabel[r.cadence] },
            { title: '最新完成', key: 'l', width: 120, align: 'right', render: (_, r) => (r.latest ? `${periodName(r.latest.period)} ${r.latest.value}${r.unit}` : '—') },
            { title: '完成率', key: 'p', width: 80, align: 'right', render: (_, r) => (r.assessment.completion === null ? '—' : `${r.assessment.completion}%`) },
            { title: '序时进度', key: 's', width: 80, align: 'right', render: (_, r) => (r.latest ? `${r.assessment.schedule}%` : '—') },
            { title: '预警', key: 'w', width: 110, render: (_, r) => <IndicatorLightTag light={r.assessment.light} rule={r.assessment.rule} /> },
          ]}
        />
      </Card>
      <IndicatorDrawer ind={open} year={year} onClose={() => setOpenId(null)} onSaved={reload} />
      <Drawer open={adding} width={640} title="新增指标" onClose={() => setAdding(false)}>
        {adding && (
          <DefinitionForm
            ind={null}
            battle={identity?.role === 'taskforce' ? identity.battle : battle || 1}
            onSaved={() => {
              setAdding(false);
              reload();
            }}
          />
        )}
      </Drawer>
    </Space>
  );
}
