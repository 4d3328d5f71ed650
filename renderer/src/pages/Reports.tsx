// 报告: pick the kind and period, read the document as it will print, change the free-text parts (editor's note,
// problems, requirements, 报送发 lines), and save the Word file to a folder or stick. Figures are never typed:
// they come from the ledger each time the preview is drawn.
import { Alert, App, Button, Card, Empty, Form, Input, Select, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { reportKindLabel, reportKinds, reportPeriodLabel, type ReportDoc, type ReportKind } from '../../../shared/report';
import { chineseDate, shortChineseDate } from '../../../shared/period';
import { request, saveOutgoing } from '../api';
import { ReportPaper } from '../components/report/ReportPaper';
import { SimpleTable } from '../components/SimpleTable';
import { documentPeriods } from '../periods';
import { useLedgerPick } from '../state';


type Issued = ChannelOutput<'report.list'>['issued'];

/** Which offices' records the figures come from and up to which ledger date, so nobody signs city-wide figures
 * from a store that has not received the units' bundles yet. */
function CoverageCard({ doc }: { doc: ReportDoc }) {
  const f = doc.figures;
  const others = f.coverage.filter((o) => !o.self);
  return (
    <Card size="small" title="数字来源" data-testid="report-coverage">
      <Typography.Paragraph style={{ marginBottom: 6 }}>
        范围：{f.scope.label}；数字截至{chineseDate(f.asOf)}。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {others.length
          ? `含本机及${others.length}个单位导入的记录：${others
              .slice(0, 8)
              .map((o) => `${o.office}${o.through ? `（至${shortChineseDate(o.through)}）` : ''}`)
              .join('、')}${others.length > 8 ? '等' : ''}。`
          : '只有本机录入的记录，尚未导入其他单位的数据包。'}
      </Typography.Paragraph>
    </Card>
  );
}

export function Reports() {
  const { message } = App.useApp();
  const { plan, settings, units, dashboard } = useLedgerPick('plan', 'settings', 'units', 'dashboard');
  const [kind, setKind] = useState<ReportKind>('dekad');
  const periods = useMemo(() => (plan && settings ? documentPeriods(kind, plan.year, settings.asOf) : []), [kind, plan, settings]);
  const [period, setPeriod] = useState<string>('');
  const [unit, setUnit] = useState<string>('');
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [doc, setDoc] = useState<ReportDoc | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<Issued>([]);
  // Bumped after an export, so the preview shows the number now registered.
  const [saved, setSaved] = useState(0);
  const asked = useRef(0);
  const fieldRefs = useRef(new Map<string, HTMLElement>());

  // A new kind starts from its newest period and its own drafts.
  useEffect(() => {
    setPeriod(periods[0]?.value ?? '');
    setTexts({});
  }, [kind, periods]);

  const reloadIssued = () => void request('report.list', {}).then((r) => setIssued(r.issued), (e: Error) => setError(e.message));
  useEffect(reloadIssued, []);

  const input = useMemo(() => ({ kind, period, texts, ...(kind === 'supervision' && unit ? { unit } : {}) }), [kind, period, texts, unit]);
  const ready = Boolean(period) && (kind !== 'supervision' || Boolean(unit));

  // Typing redraws the preview a moment after the last key; only the newest answer is shown.
  useEffect(() => {
    if (!ready) {
      setDoc(null);
      return;
    }
    const n = ++asked.current;
    const timer = setTimeout(() => {
      void request('report.preview', input).then(
        (d) => {
          if (n !== asked.current) return;
          setDoc(d);
          setError(null);
        },
        (e: Error) => n === asked.current && setError(e.message),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [input, ready, saved]);

  const save = async () => {
    setBusy(true);
    try {
      const r = await request('report.export', input);
      if (await saveOutgoing(r.file)) message.success(`已生成：${r.file.name}`);
      else message.info(`已编号登记（第 ${r.number} 号），文件未保存；再次导出时编号不变。`);
      setError(null);
      setSaved((n) => n + 1);
      reloadIssued();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  // 督办单: real units only (a collective name is nobody to supervise), those with overdue or warned tasks first.
  const unitOptions = useMemo(() => {
    const late = new Set((dashboard?.units ?? []).filter((u) => u.red + u.yellow > 0).map((u) => u.unit));
    return units
      .filter((u) => u.kind !== 'group')
      .sort((a, b) => Number(late.has(b.name)) - Number(late.has(a.name)) || a.name.localeCompare(b.name, 'zh-CN'))
      .map((u) => ({ value: u.name, label: late.has(u.name) ? `${u.name}（有逾期或预警）` : u.name }));
  }, [units, dashboard]);

  const focusField = (key: string) => {
    const el = fieldRefs.current.get(key);
    el?.scrollIntoView({ block: 'center' });
    el?.querySelector<HTMLElement>('textarea, input')?.focus();
  };

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <div style={{ width: 380, flex: 'none', display: 'flex', flexDirection: 'column', gap: 12 }}>
        <Card size="small" title="生成公文">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Segmented<ReportKind>
              block
              value={kind}
              onChange={setKind}
              options={reportKinds.map((k) => ({ value: k, label: reportKindLabel[k] }))}
              data-testid="report-kind"
            />
            <Select
              style={{ width: '100%' }}
              value={period || undefined}
              onChange={(v) => {
                setPeriod(v);
                setTexts({});
              }}
              options={periods}
              placeholder="报告期"
              data-testid="report-period"
            />
            {kind === 'supervision' && (
              <Select
                showSearch
                style={{ width: '100%' }}
                value={unit || undefined}
                onChange={setUnit}
                options={unitOptions}
                placeholder="被督办单位"
                optionFilterProp="label"
                data-testid="report-unit"
              />
            )}
            {doc && (
              <Typography.Text type="secondary" data-testid="report-number">
                {doc.kind === 'dekad' ? `第${doc.number}期` : `${doc.number}号`}
                {doc.reissue ? '（本期已印发过，重新生成沿用原期号）' : '（导出时登记）'}
              </Typography.Text>
            )}
            {doc?.draft && (
              <Alert
                type="warning"
                showIcon
                data-testid="report-draft"
                title={`${reportPeriodLabel(doc.period)}尚未结束，只能预览草稿；期满后再印发，数字以期末台账为准。`}
              />
            )}
            <Button type="primary" block disabled={!doc || busy || doc.draft} loading={busy} onClick={() => void save()} data-testid="report-save">
              导出 Word
            </Button>
          </Space>
        </Card>
        {doc && <CoverageCard doc={doc} />}
        {doc && (
          <Card size="small" title="可修改的文字" extra={<Typography.Text type="secondary">数字取自台账，不在此处修改</Typography.Text>}>
            <Form layout="vertical" size="small">
              {doc.fields.map((f) => (
                <Form.Item key={f.key} label={f.label} extra={f.hint} style={{ marginBottom: 10 }}>
                  <div ref={(el) => void (el ? fieldRefs.current.set(f.key, el) : fieldRefs.current.delete(f.key))}>
                    {f.multiline ? (
                      <Input.TextArea
                        autoSize={{ minRows: 2, maxRows: 8 }}
                        value={texts[f.key] ?? f.value}
                        onChange={(e) => setTexts((t) => ({ ...t, [f.key]: e.target.value }))}
                        data-testid={`report-field-${f.key}`}
                      />
                    ) : (
                      <Input value={texts[f.key] ?? f.value} onChange={(e) => setTexts((t) => ({ ...t, [f.key]: e.target.value }))} data-testid={`report-field-${f.key}`} />
                    )}
                  </div>
                </Form.Item>
              ))}
            </Form>
            {Object.keys(texts).length > 0 && (
              <Button size="small" onClick={() => setTexts({})}>
                恢复台账拟稿
              </Button>
            )}
          </Card>
        )}
        <Card size="small" title="本单位已印发" data-testid="report-issued">
          <SimpleTable
            rows={issued}
            empty="还没有印发过公文"
            rowKey="title"
            columns={[
              { title: '种类', key: 'kind', render: (_, r) => <Tag>{reportKindLabel[r.kind]}</Tag> },
              { title: '期号', key: 'number', render: (_, r) => r.number },
              { title: '报告期', key: 'period', render: (_, r) => reportPeriodLabel(r.period) },
            ]}
          />
        </Card>
      </div>
      <div style={{ flex: 1, minWidth: 0, background: '#f3f3f3', padding: 16, borderRadius: 4 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {!ready ? (
          <Empty description={kind === 'supervision' ? '请选择被督办单位' : '请选择报告期'} />
        ) : doc ? (
          <ReportPaper doc={doc} onField={focusField} />
        ) : (
          <Spin description="正在从台账生成…" style={{ display: 'block', marginTop: 80 }} />
        )}
      </div>
    </div>
  );
}
