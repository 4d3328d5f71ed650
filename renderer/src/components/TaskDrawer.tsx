// A task's full text and assignments, in a drawer rather than truncated in the table.
import { Descriptions, Drawer, Empty, Table, Typography } from 'antd';
import type { Target, TaskRow } from '../../../shared/domain';
import { listTypeLabel } from '../../../shared/labels';
import { battleOrdinal, comparisonLabel } from '../labels';
import { StatusTag } from './StatusTag';

const targetColumns = [
  { title: '指标', dataIndex: 'name', key: 'name' },
  {
    title: '目标值',
    key: 'value',
    align: 'right' as const,
    width: 140,
    render: (_: unknown, t: Target) => (
      <span className="num">
        {t.value.toLocaleString('zh-CN')} {t.unit}
      </span>
    ),
  },
  { title: '要求', key: 'cmp', width: 80, render: (_: unknown, t: Target) => comparisonLabel[t.comparison] || '—' },
  { title: '原文', dataIndex: 'text', key: 'text', width: 120 },
];

export function TaskDrawer({ task, onClose }: { task: TaskRow | undefined; onClose: () => void }) {
  return (
    <Drawer open={!!task} onClose={onClose} size={640} title={task ? `${task.code}　${task.title}` : ''} destroyOnHidden>
      {task && (
        <>
          <Descriptions column={1} size="small" bordered labelStyle={{ width: 110 }}>
            <Descriptions.Item label="所属">{`${battleOrdinal(task.battle)} ${task.battleName}`}</Descriptions.Item>
            <Descriptions.Item label="工作任务">{task.section}</Descriptions.Item>
            {task.group && <Descriptions.Item label="工作内容">{task.group}</Descriptions.Item>}
            <Descriptions.Item label="清单类型">{listTypeLabel[task.listType]}</Descriptions.Item>
            <Descriptions.Item label="牵头单位">{task.leadUnits.join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label="配合单位">{task.coUnits.join('、') || '—'}</Descriptions.Item>
            {task.clause && <Descriptions.Item label="分工原文">（{task.clause}）</Descriptions.Item>}
            <Descriptions.Item label="状态">
              <StatusTag status={task.status} />
            </Descriptions.Item>
          </Descriptions>
          {task.leadByOrder && (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
              {task.clause ? '原文未写明“牵头”，按排列顺序以第一家单位为牵头单位。' : '任务分解表中排在首位的为牵头单位。'}
            </Typography.Paragraph>
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            任务内容
          </Typography.Title>
          <Typography.Paragraph style={{ lineHeight: 1.9, fontSize: 15, whiteSpace: 'pre-line' }} data-testid="task-content">
            {task.content}
          </Typography.Paragraph>
          <Typography.Title level={5}>量化指标</Typography.Title>
          {task.targets.length ? (
            <Table size="small" rowKey="id" pagination={false} columns={targetColumns} dataSource={task.targets} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该任务没有量化指标" />
          )}
        </>
      )}
    </Drawer>
  );
}
