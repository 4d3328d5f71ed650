import { App as AntApp, Button, ConfigProvider, Layout, Menu, Result, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { appTitle, planShortName } from '../../shared/labels';
import { battleOrdinal } from './labels';
import { dekadLabel } from '../../shared/period';
import { Ledger } from './pages/Ledger';
import { Overview } from './pages/Overview';
import { Closeout } from './pages/Closeout';
import { IdentitySetup } from './components/IdentitySetup';
import { TaskDrawer } from './components/TaskDrawer';
import { PlanSwitcher } from './components/plan/PlanSwitcher';
import { type Page, useLedgerPick } from './state';

// Pages opened less often (and the chart library they bring) load when first opened, so the overview and the
// ledger appear sooner.
const Indicators = lazy(() => import('./pages/Indicators').then((m) => ({ default: m.Indicators })));
const Meeting = lazy(() => import('./pages/Meeting').then((m) => ({ default: m.Meeting })));
const Problems = lazy(() => import('./pages/Problems').then((m) => ({ default: m.Problems })));
const Reports = lazy(() => import('./pages/Reports').then((m) => ({ default: m.Reports })));
const Supervision = lazy(() => import('./pages/Supervision').then((m) => ({ default: m.Supervision })));
const Sync = lazy(() => import('./pages/Sync').then((m) => ({ default: m.Sync })));
const Settings = lazy(() => import('./pages/Settings').then((m) => ({ default: m.Settings })));
// Shown once, at the first start of a new ledger: the draft editor and the date picker load with it.
const StartPage = lazy(() => import('./components/plan/StartPage').then((m) => ({ default: m.StartPage })));

const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', sans-serif";

const NAV: { key: Page; label: string }[] = [
  { key: 'overview', label: '总览' },
  { key: 'ledger', label: '台账' },
  { key: 'closeout', label: '拉单销号' },
  { key: 'indicators', label: '指标' },
  { key: 'problems', label: '问题清单' },
  { key: 'supervision', label: '督办' },
  { key: 'meeting', label: '调度会' },
  { key: 'reports', label: '报告' },
  { key: 'sync', label: '同步' },
  { key: 'settings', label: '设置' },
];

const ROLE = { center: '总指挥中心', taskforce: '工作专班', unit: '责任单位' } as const;

function Shell() {
  const { page, loading, error, plan, plans, identity, settings, load, go } = useLedgerPick('page', 'loading', 'error', 'plan', 'plans', 'identity', 'settings', 'load', 'go');

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={148} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{appTitle}</div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          items={NAV.map((n) => ({ ...n, disabled: !identity && n.key !== 'overview' }))}
          onClick={(e) => go(e.key as Page)}
          style={{ borderInlineEnd: 0 }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', padding: '0 20px', height: 52, display: 'flex', alignItems: 'center', gap: 16, borderBottom: '1px solid #f0f0f0' }}
        >
          <Typography.Text strong data-testid="plan-title">
            {plan ? `${plan.year} ${planShortName(plan.title)}` : ''}
          </Typography.Text>
          <Typography.Text type="secondary">{plan?.docNo}</Typography.Text>
          <PlanSwitcher />
          <Typography.Text type="secondary" style={{ marginLeft: 'auto' }} data-testid="current-period">
            {settings ? `当前：${dekadLabel(new Date(`${settings.asOf}T00:00:00`))}` : ''}
          </Typography.Text>
          {identity && (
            <Typography.Text data-testid="office-role">
              {identity.officeName} · {ROLE[identity.role]}
              {identity.role === 'taskforce' ? `（${battleOrdinal(identity.battle)}）` : ''}
            </Typography.Text>
          )}
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
          ) : plans.length === 0 ? (
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 120 }} />}>
              <StartPage />
            </Suspense>
          ) : !identity ? (
            <IdentitySetup />
          ) : page === 'overview' ? (
            <Overview />
          ) : page === 'ledger' ? (
            <Ledger />
          ) : page === 'closeout' ? (
            <Closeout />
          ) : (
            <Suspense fallback={<Spin size="large" style={{ display: 'block', marginTop: 120 }} />}>
              {page === 'indicators' ? (
                <Indicators />
              ) : page === 'problems' ? (
                <Problems />
              ) : page === 'supervision' ? (
                <Supervision />
              ) : page === 'meeting' ? (
                <Meeting />
              ) : page === 'reports' ? (
                <Reports />
              ) : page === 'sync' ? (
                <Sync />
              ) : (
                <Settings />
              )}
            </Suspense>
          )}
          <TaskDrawer />

        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ zeroRuntime: true, token: { fontFamily: FONT, fontSize: 14, borderRadius: 4 } }}>
      <AntApp style={{ height: '100%' }}>
        <Shell />
      </AntApp>
    </ConfigProvider>
  );
}
