// Attached files of a progress line, saved where the person chooses when clicked.
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Space, Typography } from 'antd';
import type { EvidenceRef } from '../../../../shared/workflow';
import { request, saveOutgoing } from '../../api';

async function download(e: EvidenceRef): Promise<void> {
  const { file } = await request('evidence.get', { sha256: e.sha256, name: e.name });
  await saveOutgoing(file);
}

export function EvidenceLinks({ files }: { files: EvidenceRef[] }) {
  const { message } = App.useApp();
  if (!files.length) return null;
  return (
    <Space size={4} wrap>
      {files.map((f) => (
        <Typography.Link key={f.sha256} onClick={() => void download(f).catch((e: Error) => message.error(e.message))} style={{ fontSize: 12 }}>
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Space>
  );
}
