// 设置: this installation (identity, where the ledger lives), the ledger date and light thresholds, and
// importing a plan document.
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import type { Settings as SettingsValues } from '../../../shared/workflow';
import { request } from '../api';
import { IdentitySetup } from '../components/IdentitySetup';
import { Backups } from '../components/Backups';
import { PlanImport } from '../components/PlanImport';
import { PlansCard } from '../components/plan/PlansCard';
import { change, useLedgerPick } from '../state';
import { battleOrdinal } from '../labels';

const ROLE = { center: '总指挥中心', taskforce: '工作专班', unit: '责任单位' } as const;

export function Settings() {
  const { identity, settings } = useLedgerPick('identity', 'settings');
  const [info, setInfo] = useState<ChannelOutput<'app.info'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [changing, setChanging] = useState(false);
  useEffect(() => {
    void request('app.info', {}).then(setInfo, () => setInfo(null));
  }, []);

  const save = async (v: SettingsValues) => {
    const err = await change(() => request('settings.set', v));
    setError(err);
    setSaved(!err);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Modal open={changing} footer={null} onCancel={() => setChanging(false)} width={600} destroyOnHidden>
        <IdentitySetup onDone={() => setChanging(false)} />
      </Modal>
      <Card
        title="本机"
        size="small"
        extra={
          <Button size="small" onClick={() => setChanging(true)} data-testid="change-identity">
            更改本机身份
          </Button>
        }
      >
        <Descriptions size="small" column={2} styles={{ label: { width: 100 } }}>
          <Descriptions.Item label="所属单位">{identity?.officeName ?? '未设置'}</Descriptions.Item>
          <Descriptions.Item label="角色">
            {identity ? `${ROLE[identity.role]}${identity.role === 'taskforce' ? `（${battleOrdinal(identity.battle)}）` : ''}` : '未设置'}
          </Descriptions.Item>
          <Descriptions.Item label="经办人">{identity?.operator || '—'}</Descriptions.Item>
          <Descriptions.Item label="程序版本">{info?.version}</Descriptions.Item>
          <Descriptions.Item label="台账文件" span={2}>
            {info?.storePath}
          </Descriptions.Item>
          <Descriptions.Item label="本机标识">{info?.replicaId}</Descriptions.Item>
          <Descriptions.Item label="变更记录">{info ? `${info.eventCount} 条` : ''}</Descriptions.Item>
        </Descriptions>
      </Card>
      {settings && (
        <Card title="台账日期与预警" size="small">
          <Typography.Paragraph type="secondary">
            预警灯按“台账日期”计算：默认是今天；回顾以往某一期时可改为那一天。临近时限的任务显示蓝灯；进度落后序时进度超过阈值显示黄灯；超过时限或未达节点显示红灯。
          </Typography.Paragraph>
          <Form<SettingsValues> layout="inline" initialValues={settings} onFinish={(v) => void save(v)} data-testid="settings-form">
            <Form.Item name="asOf" label="台账日期" rules={[{ required: true, message: '请填写日期' }]}>
              <Input type="date" style={{ width: 170 }} data-testid="as-of" />
            </Form.Item>
            <Form.Item name="dueSoonDays" label="临近提醒（天）" rules={[{ required: true }]}>
              <InputNumber min={1} max={90} precision={0} />
            </Form.Item>
            <Form.Item name="behindPoints" label="落后预警（百分点）" rules={[{ required: true }]}>
              <InputNumber min={1} max={100} precision={0} />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="save-settings">
              保存
            </Button>
          </Form>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
          {saved && <Alert type="success" showIcon title="已保存，预警灯已按新设置重新计算。" style={{ marginTop: 12 }} />}
        </Card>
      )}
      <PlansCard />
      <PlanImport title="导入另一个实施方案（如下一年度的方案）" />
      <Backups />
    </Space>
  );
}
