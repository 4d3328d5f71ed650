import { App as AntApp, Alert, Button, ConfigProvider, Layout, Menu, Result, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { appTitle, planShortName } from '../../shared/labels';
import { dekadLabel } from '../../shared/period';
import { Ledger } from './pages/Ledger';
import { Overview } from './pages/Overview';
import { Settings } from './pages/Settings';
import { useLedger, type Page } from './state';

const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";

const NAV: { key: Page; label: string }[] = [
  { key: 'overview', label: '总览' },
  { key: 'ledger', label: '台账' },
  { key: 'settings', label: '设置' },
];

function Shell() {
  const { page, loading, error, plan, load, go } = useLedger();
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={148} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{appTitle}</div>
        <Menu mode="inline" selectedKeys={[page]} items={NAV} onClick={(e) => go(e.key as Page)} style={{ borderInlineEnd: 0 }} />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 20px', height: 52, display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}
        >
          <Typography.Text strong data-testid="plan-title">
            {plan ? `${plan.year} ${planShortName(plan.title)}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">{plan?.docNo}</Typography.Text>
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }}>
            当前：{dekadLabel(new Date())}
          </Typography.Text>
        </Layout.Header>
        <Layout.Content style={{ padding: 16, overflow: 'auto' }}>
          {loading ? (
            <Spin size="large" description="正在读取台账…" style={{ display: 'block', marginTop: 120 }} />
          ) : error ? (
            <Result
              status="error"
              title="无法读取台账"
              subTitle={error}
              extra={
                <Button type="primary" onClick={() => void load()}>
                  重试
                </Button>
              }
            />
          ) : page === 'overview' ? (
            <Overview />
          ) : page === 'ledger' ? (
            <Ledger />
          ) : (
            <Settings />
          )}
          {!loading && !error && !plan && <Alert type="warning" title="台账中还没有实施方案。" />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: FONT, fontSize: 14, borderRadius: 4 } }}>
      <AntApp style={{ height: '100%' }}>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}
