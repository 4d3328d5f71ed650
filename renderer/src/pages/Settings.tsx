// 设置: this installation's facts (where the ledger lives, its identity) and importing a plan document.
import { Card, Descriptions, Space } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { request } from '../api';
import { PlanImport } from '../components/PlanImport';

export function Settings() {
  const [info, setInfo] = useState<ChannelOutput<'app.info'> | null>(null);
  useEffect(() => {
    void request('app.info', {}).then(setInfo, () => setInfo(null));
  }, []);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="本机台账" size="small">
        <Descriptions size="small" column={1} labelStyle={{ width: 120 }}>
          <Descriptions.Item label="台账文件">{info?.storePath}</Descriptions.Item>
          <Descriptions.Item label="本机标识">{info?.replicaId}</Descriptions.Item>
          <Descriptions.Item label="变更记录">{info ? `${info.eventCount} 条` : ''}</Descriptions.Item>
          <Descriptions.Item label="程序版本">{info?.version}</Descriptions.Item>
        </Descriptions>
      </Card>
      <PlanImport />
    </Space>
  );
}
