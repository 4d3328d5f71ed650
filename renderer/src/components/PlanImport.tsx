// 导入实施方案: pick the plan document, edit the draft the reader made of it, then save it whole as a plan of
// this ledger (beside the ones it holds) — or, at first start, as the ledger's first plan.
import { Alert, App, Card, Typography } from 'antd';
import { useState } from 'react';
import type { PickedFileRef } from '../../../shared/contract';
import type { PlanDraft } from '../../../shared/plan-import';
import type { PlanSeed } from '../../../shared/plan-seed';
import { ApiError, pickedFile, request } from '../api';
import { FileDrop } from './FileDrop';
import { PlanDraftEditor } from './plan/PlanDraftEditor';
import { useLedger } from '../state';

export const PLAN_FILES = '.docx,.pdf,.txt,.xlsx,.doc,.wps';

export function PlanImport({ title = '导入实施方案', intro, onDraft }: { title?: string; intro?: string; onDraft?: (open: boolean) => void }) {
  const { message } = App.useApp();
  const load = useLedger((s) => s.load);
  const [file, setFile] = useState<PickedFileRef | null>(null);
  const [draft, setDraft] = useState<PlanDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (picked: PickedFileRef) => {
    setBusy(true);
    setError(null);
    setDraft(null);
    try {
      setDraft(await request('plan.draft', { file: picked }));
      onDraft?.(true);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async (seed: PlanSeed) => {
    setBusy(true);
    setError(null);
    try {
      const r = await request('plan.save', { seed });
      message.success(`已保存“${r.plan.title}”，共 ${r.counts.tasks} 项任务，已设为当前方案。`);
      setDraft(null);
      setFile(null);
      await load();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={title} size="small" data-testid="plan-import">
      <Typography.Paragraph type="secondary">
        {intro ??
          '选择实施方案或任务分解表：Word（.docx）、PDF（政府网站发布的）、文字文件（.txt）或 Excel。先显示识别出的任务、牵头和配合单位、完成时限，以及没有放入任务的段落和原因；核对、修改后再保存，保存前不会改动任何数据。'}
      </Typography.Paragraph>
      {!draft && (
        <FileDrop
          accept={PLAN_FILES}
          testId="plan-upload"
          title="点击或拖入实施方案文件"
          hint="支持 .docx、.pdf、.txt、.xlsx（.doc/.wps 请先另存为 .docx）"
          picked={file}
          read={pickedFile}
          onError={setError}
          onFile={(picked) => {
            setFile(picked);
            void read(picked);
          }}
        />
      )}
      {error && <Alert style={{ marginTop: 12 }} type="error" showIcon title={error} data-testid="import-error" />}
      {draft && (
        <div style={{ marginTop: 8 }}>
          {draft.seed.tasks.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 8 }} title="没有找到写明责任单位的任务。可在“未放入的段落”中把任务逐条设为任务，或换一份文件。" />}
          <PlanDraftEditor
            draft={draft}
            busy={busy}
            onSave={(seed) => void save(seed)}
            onCancel={() => {
              setDraft(null);
              setFile(null);
              onDraft?.(false);
            }}
          />
        </div>
      )}
    </Card>
  );
}
