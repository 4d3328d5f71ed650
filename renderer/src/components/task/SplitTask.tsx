// 拆分子任务: a taskforce (or the center) breaks a task into parts with their own lead units and dates.
import { Alert, Button, Form, Input, Space } from 'antd';
import { DateField } from '../DateField';
import { useState } from 'react';
import type { TaskRow } from '../../../../shared/domain';
import { request } from '../../api';
import { change } from '../../state';
import { UnitsFields } from '../UnitsFields';
import { TEXT_MAX } from '../../../../shared/limits';

interface Values {
  title: string;
  leadUnits: string[];
  coUnits?: string[];
  dueDate?: string;
}

export function SplitTask({ task }: { task: TaskRow }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  const submit = async (v: Values) => {
    const err = await change(() =>
      request('task.split', { parentId: task.id, title: v.title, leadUnits: v.leadUnits, coUnits: v.coUnits ?? [], ...(v.dueDate ? { dueDate: v.dueDate } : {}) }),
    );
    setError(err);
    if (!err) {
      form.resetFields();
      setOpen(false);
    }
  };

  if (!open) {
    return (
      <Button onClick={() => setOpen(true)} data-testid="split-task">
        拆分子任务
      </Button>
    );
  }
  return (
    <Form<Values> form={form} layout="vertical" initialValues={{ leadUnits: task.leadUnits }} onFinish={(v) => void submit(v)} data-testid="split-form">
      <Form.Item name="title" label={`子任务名称（编号将为 ${task.code}-N）`} rules={[{ required: true, min: 2, message: '请填写子任务名称' }]}>
        <Input maxLength={TEXT_MAX.title} />
      </Form.Item>
      <UnitsFields />
      <Form.Item name="dueDate" label="完成时限">
        <DateField width={170} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit">
          建立子任务
        </Button>
        <Button onClick={() => setOpen(false)}>取消</Button>
      </Space>
    </Form>
  );
}
