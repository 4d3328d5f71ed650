// 领导批示 on the task: who instructed what and when, the office it is assigned to and the reply due; the office
// running the battle records one, the assigned office replies.
import { Alert, Button, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Instruction } from '../../../../shared/problems';
import type { TaskRow } from '../../../../shared/domain';
import { can } from '../../../../shared/permissions';
import type { Identity } from '../../../../shared/workflow';
import { request } from '../../api';
import { change } from '../../state';
import { DateField } from '../DateField';
import { VoidButton } from '../VoidButton';
import { TEXT_MAX } from '../../../../shared/limits';

interface Values {
  leader: string;
  givenOn: string;
  text: string;
  unit: string;
  replyBy: string;
}

export function InstructionsTab({ task, identity, asOf }: { task: TaskRow; identity: Identity | null; asOf: string }) {
  const [items, setItems] = useState<Instruction[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [replies, setReplies] = useState<Record<string, string>>({});
  const [form] = Form.useForm<Values>();
  const mayRecord = !!identity && can(identity, 'problem.raise', { battle: task.battle, leadUnitIds: task.leadUnitIds, coUnitIds: task.coUnitIds });
  const reload = () =>
    request('instructions.list', { taskId: task.id }).then(
      (r) => setItems(r.instructions),
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [task.id]);

  const act = async (fn: () => Promise<unknown>) => {
    const err = await change(fn);
    setError(err);
    if (!err) await reload();
    return !err;
  };

  return (
    <div data-testid="instructions">
      {items.length ? (
        <List<Instruction>
          size="small"
          dataSource={items}
          renderItem={(i) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{i.leader}</Typography.Text>
                  <Typography.Text type="secondary">{i.givenOn} 批示，交办 {i.unit}，{i.replyBy} 前回复</Typography.Text>
                  {i.reply ? <Tag color="green">已回复</Tag> : i.overdue ? <Tag color="red">逾期未回复</Tag> : <Tag color="orange">待回复</Tag>}
                  {mayRecord && <VoidButton entity="instruction" id={i.id} label={i.text.slice(0, 30)} onDone={() => void reload()} />}
                </Space>
                <div>{i.text}</div>
                {i.reply && (
                  <Typography.Text type="secondary">
                    {i.repliedOn} 回复：{i.reply}
                  </Typography.Text>
                )}
                {!i.reply && identity && (identity.officeName === i.unit || mayRecord) && (
                  <Space.Compact style={{ width: '100%', marginTop: 6 }}>
                    <Input
                      value={replies[i.id] ?? ''}
                      onChange={(e) => setReplies({ ...replies, [i.id]: e.target.value })}
                      maxLength={TEXT_MAX.statement}
                      placeholder="落实情况"
                      data-testid="instruction-reply-text"
                    />
                    <Button disabled={(replies[i.id] ?? '').trim().length < 2} onClick={() => void act(() => request('instruction.reply', { id: i.id, reply: replies[i.id] ?? '' }))} data-testid="instruction-reply">
                      回复
                    </Button>
                  </Space.Compact>
                )}
              </div>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有领导批示" />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
      {mayRecord && (
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ givenOn: asOf, unit: task.leadUnits[0] }}
          onFinish={(v) => void act(() => request('instruction.add', { taskId: task.id, ...v })).then((ok) => ok && form.resetFields(['leader', 'text', 'replyBy']))}
          data-testid="instruction-form"
        >
          <Typography.Title level={5}>记录领导批示</Typography.Title>
          <Space wrap>
            <Form.Item name="leader" label="批示领导" rules={[{ required: true, min: 2, message: '请写明批示领导' }]}>
              <Input style={{ width: 170 }} maxLength={TEXT_MAX.leader} placeholder="如：市长 张某某" />
            </Form.Item>
            <Form.Item name="givenOn" label="批示日期" rules={[{ required: true, message: '请选择批示日期' }]}>
              <DateField width={150} />
            </Form.Item>
            <Form.Item name="unit" label="交办单位" rules={[{ required: true, message: '请选择单位' }]}>
              <Select style={{ width: 170 }} options={[...task.leadUnits, ...task.coUnits].map((u) => ({ value: u, label: u }))} />
            </Form.Item>
            <Form.Item name="replyBy" label="回复时限" rules={[{ required: true, message: '请选择回复时限' }]}>
              <DateField width={150} minDate={asOf} />
            </Form.Item>
          </Space>
          <Form.Item name="text" label="批示内容" rules={[{ required: true, min: 2, message: '请填写批示内容' }]}>
            <Input.TextArea rows={2} maxLength={TEXT_MAX.statement} />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="instruction-add">
            记录
          </Button>
        </Form>
      )}
    </div>
  );
}
