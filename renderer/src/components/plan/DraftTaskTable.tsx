// The draft's tasks as an editable table: units and due dates are changed in place, rows merged, split or
// dropped. Hundreds of rows scroll virtually.
import { Button, DatePicker, Input, Modal, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { dropTask, mergeWithPrevious, splitTask, updateTask } from '../../../../shared/plan-draft-edits';
import type { PlanSeed, SeedTask } from '../../../../shared/plan-seed';

function SplitDialog({ task, onSplit, onClose }: { task: SeedTask; onSplit: (at: number) => void; onClose: () => void }) {
  const ref = useRef<HTMLTextAreaElement | null>(null);
  return (
    <Modal open title={`拆分任务 ${task.code}`} onCancel={onClose} okText="在光标处拆分" cancelText="取消" onOk={() => onSplit(ref.current?.selectionStart ?? 0)}>
      <Typography.Paragraph type="secondary">在下面的文字中点一下要断开的位置，前一段留在本任务，后一段成为新任务（责任单位和完成时限相同，可再修改）。</Typography.Paragraph>
      <Input.TextArea
        readOnly
        autoSize={{ minRows: 4, maxRows: 12 }}
        defaultValue={task.content}
        ref={(r) => {
          ref.current = r?.resizableTextArea?.textArea ?? null;
        }}
        data-testid="split-text"
      />
    </Modal>
  );
}

export function DraftTaskTable({ seed, onChange, height }: { seed: PlanSeed; onChange: (next: PlanSeed) => void; height: number }) {
  const [splitting, setSplitting] = useState<SeedTask | null>(null);
  const unitOptions = seed.units.map((u) => ({ value: u.name, label: u.kind === 'group' ? `${u.name}（集合）` : u.name }));
  const section = new Map(seed.sections.map((s) => [s.code, s.title]));
  const columns: ColumnsType<SeedTask> = [
    { title: '编号', dataIndex: 'code', width: 72 },
    {
      title: '任务',
      key: 'title',
      render: (_, t) => (
        <div>
          {seed.sections.length > 1 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {section.get(t.section)}
            </Typography.Text>
          )}
          <Tooltip title={t.content} placement="topLeft" styles={{ root: { maxWidth: 560 } }}>
            <Typography.Paragraph style={{ margin: 0 }} editable={{ onChange: (title) => title.trim() && onChange(updateTask(seed, t.code, { title: title.trim() })), tooltip: '修改任务名称' }}>
              {t.title}
            </Typography.Paragraph>
          </Tooltip>
        </div>
      ),
    },
    {
      title: '牵头单位',
      key: 'lead',
      width: 200,
      render: (_, t) => (
        <Select
          mode="tags"
          size="small"
          style={{ width: '100%' }}
          value={t.leadUnits}
          options={unitOptions}
          status={t.leadUnits.length ? undefined : 'warning'}
          placeholder="未识别，请选择"
          onChange={(v: string[]) => onChange(updateTask(seed, t.code, { leadUnits: v }))}
          data-testid={`lead-${t.code}`}
        />
      ),
    },
    {
      title: '配合单位',
      key: 'co',
      width: 200,
      render: (_, t) => (
        <Select mode="tags" size="small" style={{ width: '100%' }} value={t.coUnits} options={unitOptions} maxTagCount={2} onChange={(v: string[]) => onChange(updateTask(seed, t.code, { coUnits: v }))} />
      ),
    },
    {
      title: '完成时限',
      key: 'due',
      width: 132,
      render: (_, t) => (
        <DatePicker
          size="small"
          value={t.dueDate ? dayjs(t.dueDate) : null}
          placeholder="未写明"
          onChange={(d) => onChange(updateTask(seed, t.code, { dueDate: d ? d.format('YYYY-MM-DD') : '' }))}
          data-testid={`due-${t.code}`}
        />
      ),
    },
    {
      title: '操作',
      key: 'ops',
      width: 150,
      render: (_, t, i) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={i === 0} onClick={() => onChange(mergeWithPrevious(seed, t.code))}>
            并入上一项
          </Button>
          <Button type="link" size="small" onClick={() => setSplitting(t)}>
            拆分
          </Button>
          <Button type="link" size="small" danger onClick={() => onChange(dropTask(seed, t.code))} data-testid={`drop-${t.code}`}>
            删除
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <Table<SeedTask>
        size="small"
        rowKey="code"
        columns={columns}
        dataSource={seed.tasks}
        pagination={false}
        virtual
        scroll={{ y: height, x: 960 }}
        data-testid="draft-tasks"
      />
      {splitting && (
        <SplitDialog
          task={splitting}
          onClose={() => setSplitting(null)}
          onSplit={(at) => {
            onChange(splitTask(seed, splitting.code, at));
            setSplitting(null);
          }}
        />
      )}
    </>
  );
}
