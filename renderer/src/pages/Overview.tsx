// 总览: the six battles at a glance; a card opens the ledger filtered to its battle.
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useLedger } from '../state';
import { battleOrdinal } from '../labels';

export function Overview() {
  const { battles, plan, tasks, unitCount, go } = useLedger();
  return (
    <div>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="任务总数" value={tasks.length} suffix="项" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="工作专班" value={battles.length} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="责任单位" value={unitCount} suffix="个" />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="文号" value={plan?.docNo ?? ''} valueStyle={{ fontSize: 20 }} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} data-testid="battle-cards">
        {battles.map((b) => (
          <Col key={b.id} xs={24} md={12} xl={8}>
            <Card
              hoverable
              style={{ height: '100%' }}
              data-testid="battle-card"
              onClick={() => go('ledger', b.code)}
              onKeyDown={(e) => e.key === 'Enter' && go('ledger', b.code)}
              tabIndex={0}
              title={
                <span>
                  <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                    {battleOrdinal(b.code)}
                  </Typography.Text>
                  {b.name}
                </span>
              }
            >
              <Row align="middle">
                <Col flex="auto">
                  <Typography.Text type="secondary">专班办公室：{b.office}</Typography.Text>
                </Col>
                <Col>
                  <Statistic value={b.taskCount} suffix="项任务" valueStyle={{ fontSize: 24 }} />
                </Col>
              </Row>
              {b.taskCount === 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  本仗的任务分解尚未录入台账。
                </Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
