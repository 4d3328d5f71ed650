// The draft between a plan document and the ledger: what was read (title, number, issuer, date; tasks with
// units and due dates), what needs a look (problems, names merged as aliases), and every line not placed, with
// why. Everything is editable; saving is one transaction, and until then nothing in the ledger changes.
import { Alert, Button, DatePicker, Descriptions, Input, List, Select, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { PlanDraft } from '../../../../shared/plan-import';
import { setPlanField, taskFromLine } from '../../../../shared/plan-draft-edits';
import type { PlanSeed } from '../../../../shared/plan-seed';
import { DraftTaskTable } from './DraftTaskTable';

function Unplaced({ draft, seed, onChange }: { draft: PlanDraft; seed: PlanSeed; onChange: (s: PlanSeed) => void }) {
  const [section, setSection] = useState(seed.sections[0]?.code ?? '1.1');
  const [made, setMade] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState<string>('');
  const reasons = [...new Set(draft.unplaced.map((u) => u.reason))];
  const shown = draft.unplaced.filter((u) => !reason || u.reason === reason);
  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Select
          size="small"
          style={{ width: 260 }}
          value={reason}
          onChange={setReason}
          options={[{ value: '', label: `全部（${draft.unplaced.length}）` }, ...reasons.map((r) => ({ value: r, label: `${r}（${draft.unplaced.filter((u) => u.reason === r).length}）` }))]}
        />
        <span>设为任务时放入：</span>
        <Select size="small" style={{ width: 280 }} value={section} onChange={setSection} options={seed.sections.map((s) => ({ value: s.code, label: `${s.code} ${s.title}` }))} />
      </Space>
      <List
        size="small"
        style={{ maxHeight: 360, overflow: 'auto' }}
        dataSource={shown}
        renderItem={(u) => (
          <List.Item
            actions={[
              made.has(u.line) ? (
                <Tag color="green">已设为任务</Tag>
              ) : (
                <Button
                  size="small"
                  disabled={!section && seed.sections.length > 0}
                  onClick={() => {
                    onChange(taskFromLine(seed, u.text, section, u.line));
                    setMade(new Set([...made, u.line]));
                  }}
                >
                  设为任务
                </Button>
              ),
            ]}
          >
            <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', gap: 8 }}>
              <Typography.Text type="secondary" style={{ width: 64, flex: 'none' }}>
                第{u.line}行
              </Typography.Text>
              <Tag style={{ flex: 'none' }}>{u.reason}</Tag>
              <Typography.Text ellipsis={{ tooltip: u.text }} style={{ minWidth: 0 }}>
                {u.text}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}

export function PlanDraftEditor({ draft, busy, onSave, onCancel }: { draft: PlanDraft; busy: boolean; onSave: (seed: PlanSeed) => void; onCancel: () => void }) {
  const [seed, setSeed] = useState<PlanSeed>(draft.seed);
  const noLead = useMemo(() => seed.tasks.filter((t) => t.leadUnits.length === 0).length, [seed]);
  const withDue = useMemo(() => seed.tasks.filter((t) => t.dueDate).length, [seed]);
  const p = seed.plan;
  return (
    <div data-testid="plan-draft">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="方案标题" span={2}>
          <Input value={p.title} onChange={(e) => setSeed(setPlanField(seed, { title: e.target.value }))} status={p.title.trim() ? undefined : 'error'} data-testid="draft-title" />
        </Descriptions.Item>
        <Descriptions.Item label="文号">
          <Input value={p.docNo} placeholder="如 X政办发〔2024〕7号" onChange={(e) => setSeed(setPlanField(seed, { docNo: e.target.value.trim() }))} data-testid="draft-docno" />
        </Descriptions.Item>
        <Descriptions.Item label="发文单位">
          <Input value={p.issuer} onChange={(e) => setSeed(setPlanField(seed, { issuer: e.target.value }))} />
        </Descriptions.Item>
        <Descriptions.Item label="成文日期">
          <DatePicker value={p.issuedOn ? dayjs(p.issuedOn) : null} allowClear={false} onChange={(d) => d && setSeed(setPlanField(seed, { issuedOn: d.format('YYYY-MM-DD') }))} />
        </Descriptions.Item>
        <Descriptions.Item label="年度">
          <Input type="number" style={{ width: 100 }} value={p.year} onChange={(e) => Number(e.target.value) > 1999 && setSeed(setPlanField(seed, { year: Number(e.target.value) }))} />
        </Descriptions.Item>
      </Descriptions>
      <div style={{ display: 'flex', alignItems: 'center', gap: 24, margin: '12px 0', flexWrap: 'wrap' }}>
        <Statistic title="板块" value={seed.battles.length} />
        <Statistic title="任务" value={seed.tasks.length} data-testid="draft-task-count" />
        <Statistic title="未识别牵头单位" value={noLead} valueStyle={noLead ? { color: '#d46b08' } : undefined} />
        <Statistic title="有完成时限" value={withDue} />
        <Statistic title="单位" value={seed.units.length} />
        <Statistic title="未放入的段落" value={draft.unplaced.length} />
        <Space style={{ marginLeft: 'auto' }} direction="vertical" size={4} align="end">
          <Space>
            <Button onClick={onCancel}>放弃</Button>
            <Button type="primary" loading={busy} disabled={!p.title.trim() || seed.tasks.length === 0} onClick={() => onSave(seed)} data-testid="draft-save">
              保存为台账（{seed.tasks.length} 项任务）
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            保存前台账不会有任何改动；保存后仍可在台账中修改。
          </Typography.Text>
        </Space>
      </div>
      {draft.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`有 ${draft.problems.length} 处需要核对`}
          description={
            <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 96, overflow: 'auto' }}>
              {draft.problems.map((x) => (
                <li key={x}>{x}</li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs
        size="small"
        items={[
          { key: 'tasks', label: `任务（${seed.tasks.length}）`, children: <DraftTaskTable seed={seed} onChange={setSeed} height={300} /> },
          { key: 'unplaced', label: `未放入的段落（${draft.unplaced.length}）`, children: <Unplaced draft={draft} seed={seed} onChange={setSeed} /> },
          {
            key: 'units',
            label: `单位（${seed.units.length}）`,
            children: (
              <List
                size="small"
                style={{ maxHeight: 320, overflow: 'auto' }}
                dataSource={seed.units}
                renderItem={(u) => (
                  <List.Item>
                    {u.name}
                    {u.kind === 'group' && <Tag style={{ marginLeft: 8 }}>集合（不作为单位排名、表扬）</Tag>}
                    {u.aliases.length > 0 && <Typography.Text type="secondary">　又作：{u.aliases.join('、')}</Typography.Text>}
                  </List.Item>
                )}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
