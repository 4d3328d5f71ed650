// Joining the ledger an office already keeps (the centre's, or the taskforce's): the first bundle it sends
// brings its plan and everything recorded so far. The fingerprints are compared before anything is taken in.
import { Alert, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput, PickedFileRef } from '../../../../shared/contract';
import { ApiError, pickedFile, request } from '../../api';
import { useLedger } from '../../state';
import { FileDrop } from '../FileDrop';

type Report = ChannelOutput<'sync.import'>;

export function JoinCard() {
  const load = useLedger((s) => s.load);
  const [file, setFile] = useState<PickedFileRef | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (picked: PickedFileRef, trust: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await request('sync.import', { file: picked, dryRun: !trust, trust });
      if (trust) await load();
      else setPreview(r);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="加入已有的台账" size="small" style={{ marginBottom: 16 }} data-testid="join-card">
      <Typography.Paragraph type="secondary">本县（市）的台账已由总指挥中心或工作专班建立时，导入对方发来的同步包即可加入，方案和已有记录随之而来。</Typography.Paragraph>
      <FileDrop
        accept=".json"
        testId="join-bundle"
        title="点击或拖入同步包（.ledger.json）"
        hint="先核对对方的指纹，再加入"
        picked={file}
        read={pickedFile}
        onError={setError}
        onFile={(picked) => {
          setFile(picked);
          setPreview(null);
          void run(picked, false);
        }}
      />
      {preview && file && (
        <div style={{ marginTop: 8 }} data-testid="join-preview" ref={(el) => el?.scrollIntoView({ block: 'nearest' })}>
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {preview.exporterOffice || '对方'} 的同步包，{preview.events} 条记录。请与对方核对指纹：
          </Typography.Paragraph>
          {preview.newKeys.map((k) => (
            <div key={k.replica} style={{ fontFamily: 'monospace', fontSize: 16 }}>
              {k.fingerprint}
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontFamily: 'inherit', fontSize: 13 }}>
                {k.office}
              </Typography.Text>
            </div>
          ))}
          <Button type="primary" block style={{ marginTop: 8 }} loading={busy} onClick={() => void run(file, true)} data-testid="join-confirm">
            指纹一致，加入
          </Button>
        </div>
      )}
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
    </Card>
  );
}
