import { Alert, App as AntApp, Badge, Button, ConfigProvider, Layout, Menu, Result, Spin, Typography } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect } from 'react';
import { appTitle, planShortName } from '../../shared/labels';
import { battleOrdinal } from './labels';
import { chineseDate, dekadLabel } from '../../shared/period';
import { Todo } from './pages/Todo';
import { Reporting } from './pages/Reporting';
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
  { key: 'todo', label: '我的待办' },
  { key: 'overview', label: '总览' },
  { key: 'ledger', label: '台账' },
  { key: 'closeout', label: '拉单销号' },
  { key: 'reporting', label: '报送情况' },
  { key: 'indicators', label: '指标' },
  { key: 'problems', label: '问题清单' },
  { key: 'supervision', label: '督办' },
  { key: 'meeting', label: '调度会' },
  { key: 'reports', label: '报告' },
  { key: 'sync', label: '同步' },
  { key: 'settings', label: '设置' },
];

const ROLE = { center: '总指挥中心', taskforce: '工作专班', unit: '责任单位' } as const;

/** Today on this PC, as the ledger writes dates. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Enter in a select, a date picker or a number box chooses a value there; it never submits the whole form
 * (the browser's implicit submission would send a half-filled report).
 */
function keepEnterInField(e: KeyboardEvent): void {
  const t = e.target as HTMLElement | null;
  if (e.key !== 'Enter' || !t || t.tagName !== 'INPUT' || !t.closest('form')) return;
  if (t.closest('.ant-select, .ant-picker, .ant-input-number, .ant-cascader') || (t as HTMLInputElement).type === 'date') e.preventDefault();
}
if (typeof document !== 'undefined') document.addEventListener('keydown', keepEnterInField, true);

function MenuLabel({ label, count, danger }: { label: string; count: number; danger?: boolean }) {
  return (
    <span style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
      {label}
      {count > 0 && <Badge count={count} overflowCount={999} size="small" color={danger ? '#cf1322' : '#1677ff'} />}
    </span>
  );
}

function LedgerDateBanner() {
  const { settings, go } = useLedgerPick('settings', 'go');
  const today = localToday();
  if (!settings || settings.asOf === today) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      className="no-print"
      data-testid="ledger-date-banner"
      title={
        <span>
          台账日期为 {chineseDate(settings.asOf)}，不是今天（{chineseDate(today)}）：预警、待办和报告按该日计算，新录入的记录也记为该日。
          <Typography.Link onClick={() => go('settings')} style={{ marginLeft: 8 }}>
            到设置中修改
          </Typography.Link>
        </span>
      }
    />
  );
}

function Shell() {
  const { page, loading, error, plan, plans, identity, settings, todo, load, go } = useLedgerPick('page', 'loading', 'error', 'plan', 'plans', 'identity', 'settings', 'todo', 'load', 'go');
  // A page opens at its top, not where the previous one was scrolled to.
  useEffect(() => {
    // Braces: scrollTo returns a promise in newer Chromium, which React would take for a clean-up.
    document.getElementById('page-content')?.scrollTo(0, 0);
  }, [page]);
  const counts = todo?.counts ?? {};
  const badge: Partial<Record<Page, { count: number; danger?: boolean }>> = {
    todo: { count: Object.values(counts).reduce((a, b) => a + b, 0), danger: (counts.rejected ?? 0) > 0 },
    closeout: { count: (counts.pending ?? 0) + (counts.rejected ?? 0) + (counts.answered ?? 0) },
    reporting: { count: identity?.role === 'unit' ? 0 : (counts.unitsUnreported ?? 0) },
  };

  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Sider width={156} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 18 }}>{appTitle}</div>
        <Menu
          mode="inline"
          selectedKeys={[page]}
          items={NAV.map((n) => ({
            key: n.key,
            label: badge[n.key] ? <MenuLabel label={n.label} count={badge[n.key]!.count} danger={badge[n.key]!.danger} /> : n.label,
            disabled: !identity && n.key !== 'overview',
          }))}
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
        <LedgerDateBanner />
        <Layout.Content style={{ padding: 16, overflow: 'auto' }} id="page-content">
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
          ) : page === 'todo' ? (
            <Todo />
          ) : page === 'reporting' ? (
            <Reporting />
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
