// 新增任务: a taskforce (its battle) or the center adds a task the plan did not list, under one of its sections.
import { PlusOutlined } from '@ant-design/icons';
import { DateField } from './DateField';
import { Alert, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { request } from '../api';
import { change, useLedgerPick } from '../state';
import { useSectionOptions } from '../useSectionOptions';
import { UnitsFields } from './UnitsFields';
import { TEXT_MAX } from '../../../shared/limits';

interface Values {
  section: string;
  title: string;
  content?: string;
  leadUnits: string[];
  coUnits?: string[];
  dueDate?: string;
}

export function AddTask() {
  const { identity, openTask } = useLedgerPick('identity', 'openTask');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const sections = useSectionOptions();
  if (!identity || identity.role === 'unit') return null;

  const submit = async (v: Values) => {
    let created: { id: string; code: string } | undefined;
    const err = await change(async () => {
      created = await request('task.add', { section: v.section, title: v.title, content: v.content ?? '', leadUnits: v.leadUnits, coUnits: v.coUnits ?? [], ...(v.dueDate ? { dueDate: v.dueDate } : {}) });
    });
    setError(err);
    if (!err && created) {
      setOpen(false);
      form.resetFields();
      openTask(created.id);
    }
  };

  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="add-task">
        新增任务
      </Button>
      <Modal open={open} title="新增任务" okText="新增" cancelText="取消" onOk={() => form.submit()} onCancel={() => setOpen(false)} width={640} destroyOnHidden>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="section" label="所属工作任务" rules={[{ required: true, message: '请选择所属工作任务' }]}>
            <Select showSearch optionFilterProp="label" options={sections} placeholder="新任务将按该方面的下一个序号编号" />
          </Form.Item>
          <Form.Item name="title" label="任务名称" rules={[{ required: true, min: 2, message: '请填写任务名称' }]}>
            <Input maxLength={TEXT_MAX.title} />
          </Form.Item>
          <Form.Item name="content" label="任务内容">
            <Input.TextArea rows={3} maxLength={TEXT_MAX.content} />
          </Form.Item>
          <UnitsFields />
          <Form.Item name="dueDate" label="完成时限（不填为年底）">
            <DateField width={170} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} />}
        </Form>
      </Modal>
    </>
  );
}
