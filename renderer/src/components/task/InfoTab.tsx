// 基本信息: the task as the plan assigns it, and the fields its users fill — only those this office may edit.
import { Alert, Button, Descriptions, Divider, Empty, Form, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DateField } from '../DateField';
import { VoidButton } from '../VoidButton';
import { useState } from 'react';
import { listTypes, type Target, type TaskRow } from '../../../../shared/domain';
import { listTypeLabel } from '../../../../shared/labels';
import { can } from '../../../../shared/permissions';
import type { Identity, Milestone } from '../../../../shared/workflow';
import { request } from '../../api';
import { battleOrdinal, comparisonLabel } from '../../labels';
import { change, useLedger } from '../../state';
import { SplitTask } from './SplitTask';

const targetColumns = [
  { title: '指标', dataIndex: 'name', key: 'name' },
  {
    title: '目标值',
    key: 'value',
    align: 'right' as const,
    width: 130,
    render: (_: unknown, t: Target) => (
      <span className="num">
        {t.value.toLocaleString('zh-CN')} {t.unit}
      </span>
    ),
  },
  { title: '要求', key: 'cmp', width: 70, render: (_: unknown, t: Target) => comparisonLabel[t.comparison] || '—' },
];

interface EditValues {
  listType: TaskRow['listType'];
  leadPerson: string;
  handler: string;
  responsibleSection: string;
  dueDate: string;
  milestones: Milestone[];
}

export function InfoTab({ task, identity }: { task: TaskRow; identity: Identity | null }) {
  const scope = { battle: task.battle, leadUnitIds: task.leadUnitIds, coUnitIds: task.coUnitIds };
  const mayEdit = !!identity && can(identity, 'task.edit', scope);
  const mayAssign = !!identity && can(identity, 'task.assign', scope);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (v: EditValues) => {
    const edit = mayEdit
      ? { ...v, milestones: (v.milestones ?? []).map((m) => ({ ...m, text: m.text ?? '' })) }
      : { leadPerson: v.leadPerson, handler: v.handler, responsibleSection: v.responsibleSection };
    const err = await change(() => request('task.update', { id: task.id, edit }));
    setError(err);
    if (!err) setEditing(false);
  };

  return (
    <div>
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 110 } }}>
        <Descriptions.Item label="所属">{`${battleOrdinal(task.battle)} ${task.battleName}`}</Descriptions.Item>
        <Descriptions.Item label="工作任务">{task.section}</Descriptions.Item>
        {/* An empty string would reach Descriptions as a row of its own: a blank row under 工作任务. */}
        {task.group ? <Descriptions.Item label="工作内容">{task.group}</Descriptions.Item> : null}
        <Descriptions.Item label="牵头单位">{task.leadUnits.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="配合单位">{task.coUnits.join('、') || '—'}</Descriptions.Item>
        {task.clause ? <Descriptions.Item label="分工原文">（{task.clause}）</Descriptions.Item> : null}
      </Descriptions>
      {task.leadByOrder && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {task.clause ? '原文未写明“牵头”，按排列顺序以第一家单位为牵头单位。' : '任务分解表中排在首位的为牵头单位。'}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
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
      <Divider titlePlacement="start">落实责任</Divider>
      {!editing ? (
        <>
          <Descriptions column={2} size="small" data-testid="task-assignees">
            <Descriptions.Item label="清单类型">{listTypeLabel[task.listType]}</Descriptions.Item>
            <Descriptions.Item label="完成时限">{task.dueDate || '年底前'}</Descriptions.Item>
            <Descriptions.Item label="牵头负责人">{task.leadPerson || '未填'}</Descriptions.Item>
            <Descriptions.Item label="具体承办人">{task.handler || '未填'}</Descriptions.Item>
            <Descriptions.Item label="责任股室">{task.responsibleSection || '未填'}</Descriptions.Item>
            <Descriptions.Item label="时间节点">
              {task.milestones.length ? task.milestones.map((m) => `${m.date} 达到${m.percent}%${m.text ? `（${m.text}）` : ''}`).join('；') : '无'}
            </Descriptions.Item>
          </Descriptions>
          <Space>
            {(mayEdit || mayAssign) && (
              <Button onClick={() => setEditing(true)} data-testid="edit-task">
                {mayEdit ? '修改' : '填写负责人'}
              </Button>
            )}
            {mayEdit && <VoidButton entity="task" id={task.id} label={`${task.code} ${task.title}`} size="middle" onDone={() => useLedger.getState().openTask(null)} />}
          </Space>
          {mayEdit && !task.parentId && (
            <div style={{ marginTop: 12 }}>
              <SplitTask task={task} />
            </div>
          )}
        </>
      ) : (
        <Form<EditValues>
          layout="vertical"
          initialValues={{ ...task }}
          onFinish={(v) => void save(v)}
          data-testid="task-edit-form"
        >
          <Space wrap>
            <Form.Item name="leadPerson" label="牵头负责人">
              <Input maxLength={30} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="handler" label="具体承办人">
              <Input maxLength={30} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="responsibleSection" label="责任股室">
              <Input maxLength={40} style={{ width: 180 }} />
            </Form.Item>
          </Space>
          {mayEdit && (
            <>
              <Space wrap>
                <Form.Item name="listType" label="清单类型">
                  <Select style={{ width: 130 }} options={listTypes.map((l) => ({ value: l, label: listTypeLabel[l] }))} />
                </Form.Item>
                <Form.Item name="dueDate" label="完成时限">
                  <DateField width={170} />
                </Form.Item>
              </Space>
              <Form.List name="milestones">
                {(fields, { add, remove }) => (
                  <div>
                    <Typography.Text>时间节点</Typography.Text>
                    {fields.map((f) => (
                      <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                        <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: '填日期' }]}>
                          <DateField width={160} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'percent']} rules={[{ required: true, message: '填进度' }]}>
                          <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 100 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'text']}>
                          <Input placeholder="说明（可不填）" style={{ width: 180 }} />
                        </Form.Item>
                        <Button type="link" onClick={() => remove(f.name)}>
                          删除
                        </Button>
                      </Space>
                    ))}
                    <Button type="dashed" onClick={() => add({ percent: 50 })} style={{ marginBottom: 12 }}>
                      增加时间节点
                    </Button>
                  </div>
                )}
              </Form.List>
            </>
          )}
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Space>
            <Button type="primary" htmlType="submit" data-testid="save-task">
              保存
            </Button>
            <Button onClick={() => setEditing(false)}>取消</Button>
          </Space>
        </Form>
      )}
    </div>
  );
}
