// First start: which office this installation belongs to, and its role. Nothing else is asked.
import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../api';
import { battleOrdinal, groupLabel } from '../labels';
import { change, useLedgerPick } from '../state';

interface Values {
  office: string;
  role: 'center' | 'taskforce' | 'unit';
  battle?: number;
  operator?: string;
}

export function IdentitySetup({ onDone }: { onDone?: () => void } = {}) {
  const { units, battles, identity } = useLedgerPick('units', 'battles', 'identity');
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    const err = await change(() => request('identity.set', { office: v.office, role: v.role, battle: v.role === 'taskforce' ? (v.battle ?? 0) : 0, operator: v.operator ?? '' }));
    setError(err);
    setBusy(false);
    if (!err) onDone?.();
  };

  return (
    <div style={{ display: 'flex', justifyContent: 'center', paddingTop: onDone ? 0 : 48 }}>
      <Card title={identity ? '更改本机身份' : '设置本机身份'} style={{ width: 560 }} data-testid="identity-setup">
        <Typography.Paragraph type="secondary">
          {identity
            ? '更改会记入本机的变更记录，并随同步告知其他单位。其他单位仍按核对指纹时确认的单位和角色接受本机的记录：单位、角色或所属的仗的更改，须由总指挥中心在“同步 → 交换单位 → 确认角色”中确认后才在各单位生效（经办人的更改不需要）。'
            : '首次使用，请说明这台电脑属于哪个单位、承担什么角色。角色决定能做的事：责任单位报送进展、申请销号；工作专班和总指挥中心审批销号、维护任务。'}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={identity ? { office: identity.officeName, role: identity.role, battle: identity.battle || undefined, operator: identity.operator } : { role: 'unit' }}
        >
          <Form.Item name="office" label="本机所属单位" rules={[{ required: true, message: '请选择本机所属单位' }]}>
            <Select
              showSearch
              placeholder="输入单位名称查找，如 市商务局"
              optionFilterProp="label"
              options={units.map((u) => ({ value: u.name, label: u.aliases.length ? `${u.name}（${u.aliases.join('、')}）` : u.name }))}
              data-testid="identity-office"
            />
          </Form.Item>
          <Form.Item name="role" label="角色" rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'unit', label: '责任单位' },
                { value: 'taskforce', label: '工作专班' },
                { value: 'center', label: '总指挥中心（督查室）' },
              ]}
            />
          </Form.Item>
          {role === 'taskforce' && (
            <Form.Item name="battle" label={`所负责的${groupLabel()}`} rules={[{ required: true, message: `工作专班须选择所负责的${groupLabel()}` }]}>
              <Select placeholder={`选择一个${groupLabel()}`} options={battles.map((b) => ({ value: b.code, label: `${battleOrdinal(b.code)} ${b.name}` }))} data-testid="identity-battle" />
            </Form.Item>
          )}
          <Form.Item name="operator" label="经办人（可不填）">
            <Input maxLength={30} placeholder="姓名，记入操作记录" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={busy} block>
            {identity ? '保存' : '确定，进入总览'}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
