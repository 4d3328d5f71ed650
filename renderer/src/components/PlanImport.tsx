// 导入实施方案: pick a .docx/.txt, see what the importer found (counts, tree, problems), then save it whole.
import { Alert, App, Button, Card, Descriptions, Space, Statistic, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useState } from 'react';
import { chineseDate } from '../../../shared/period';
import type { PlanImportResult } from '../../../shared/plan-import';
import { ApiError, request } from '../api';
import { FileDrop, readAsBase64, type PickedFile } from './FileDrop';
import { battleOrdinal } from '../labels';
import { useLedger } from '../state';

function treeOf(r: PlanImportResult): DataNode[] {
  return r.battles.map((b) => ({
    key: `b${b.code}`,
    title: `${battleOrdinal(b.code)} ${b.name}（专班办公室：${b.office || '未识别'}）`,
    children: b.sections.map((s) => ({
      key: `s${s.code}`,
      title: `${s.code} ${s.title}（${s.tasks.length} 项）`,
      children: s.tasks.map((t) => ({
        key: `t${t.code}`,
        isLeaf: true,
        title: `${t.code} ${t.title} —— 牵头：${t.leadUnits.join('、') || '未识别'}${t.targets ? `，指标 ${t.targets} 个` : ''}`,
      })),
    })),
  }));
}

export function PlanImport() {
  const { message } = App.useApp();
  const load = useLedger((s) => s.load);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<PlanImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean, picked = file) => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      const r = await request('plan.import', { fileName: picked.name, contentBase64: picked.content, dryRun });
      setPreview(r);
      if (r.saved) {
        message.success(`已导入“${r.plan.title}”，共 ${r.counts.tasks} 项任务。`);
        await load();
      }
    } catch (err) {
      setPreview(null);
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导入实施方案" size="small" data-testid="plan-import">
      <Typography.Paragraph type="secondary">
        选择实施方案的 Word 文件（.docx）或文字文件（.txt）。先显示识别出的各仗、任务、责任单位和量化指标，核对无误后再保存到台账；保存前不会改动任何数据。
      </Typography.Paragraph>
      <FileDrop
        accept=".docx,.txt"
        testId="plan-upload"
        title="点击或拖入实施方案文件"
        hint="支持 .docx、.txt（从 PDF 复制的文字也可）"
        picked={file}
        read={readAsBase64}
        onError={setError}
        onFile={(picked) => {
          setFile(picked);
          void run(true, picked);
        }}
      />
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="import-error" />}
      {preview && (
        <div style={{ marginTop: 16 }} data-testid="import-preview">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="方案">{preview.plan.title}</Descriptions.Item>
            <Descriptions.Item label="文号">{preview.plan.docNo || '未识别'}</Descriptions.Item>
            <Descriptions.Item label="发文单位">{preview.plan.issuer || '未识别'}</Descriptions.Item>
            <Descriptions.Item label="成文日期">{preview.plan.issuedOn ? chineseDate(preview.plan.issuedOn) : '未识别'}</Descriptions.Item>
          </Descriptions>
          <Space size="large" style={{ margin: '16px 0' }}>
            <Statistic title="仗" value={preview.counts.battles} />
            <Statistic title="工作任务" value={preview.counts.sections} />
            <Statistic title="任务" value={preview.counts.tasks} data-testid="import-task-count" />
            <Statistic title="量化指标" value={preview.counts.targets} />
            <Statistic title="单位" value={preview.counts.units} suffix={preview.counts.newUnits ? `（新 ${preview.counts.newUnits}）` : ''} />
          </Space>
          {preview.problems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={`有 ${preview.problems.length} 处需要核对`}
              description={
                <ul style={{ margin: 0, paddingLeft: 20, maxHeight: 160, overflow: 'auto' }}>
                  {preview.problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Tree treeData={treeOf(preview)} defaultExpandedKeys={preview.battles.map((b) => `b${b.code}`)} height={320} />
          <div style={{ marginTop: 12 }}>
            {preview.saved ? (
              <Alert type="success" showIcon title="已保存到台账。" />
            ) : (
              <Button type="primary" loading={busy} onClick={() => void run(false)} data-testid="import-save">
                保存到台账
              </Button>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
