// First start of a new ledger: begin from the office's own plan (the usual case), or from the built-in
// 吉首市 2023 plan, which is also the demonstration.
import { Alert, Button, Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, request } from '../../api';
import { useLedger } from '../../state';
import { PlanImport } from '../PlanImport';
import { JoinCard } from './JoinCard';

export function StartPage() {
  const load = useLedger((s) => s.load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // With a draft open, the draft takes the whole width.
  const [drafting, setDrafting] = useState(false);
  const builtin = async () => {
    setBusy(true);
    try {
      await request('plan.builtin', {});
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 1180, margin: '0 auto' }} data-testid="start-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        开始使用：先建立台账
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        台账从实施方案来：每项任务、牵头和配合单位、完成时限都取自方案原文。用本单位的方案文件建立，或先用内置的示例方案熟悉操作；本县（市）已有台账的，导入对方的同步包加入。以后可在“设置”中再导入其他方案（如下一年度的方案），多个方案并存、随时切换。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col span={drafting ? 24 : 17}>
          <PlanImport title="用本单位的实施方案建立台账" onDraft={setDrafting} />
        </Col>
        <Col span={7} style={drafting ? { display: 'none' } : undefined}>
          <JoinCard />
          <Card title="使用内置方案" size="small">
            <Typography.Paragraph>
              吉首市人民政府《打好发展“六仗”实施方案》（吉政发〔2023〕3号）：六仗、各专班和成员单位、全部任务和量化指标。
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">适合吉首市各单位，也可作为演示。</Typography.Paragraph>
            <Button block loading={busy} onClick={() => void builtin()} data-testid="use-builtin">
              使用吉首市2023年方案
            </Button>
            {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
