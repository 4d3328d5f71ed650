// Attached files of a progress line: fetched from the core and saved by the browser when clicked.
import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { EvidenceRef } from '../../../../shared/workflow';
import { request } from '../../api';

async function download(e: EvidenceRef): Promise<void> {
  const { contentBase64 } = await request('evidence.get', { sha256: e.sha256 });
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes]));
  const a = document.createElement('a');
  a.href = url;
  a.download = e.name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function EvidenceLinks({ files }: { files: EvidenceRef[] }) {
  if (!files.length) return null;
  return (
    <Space size={4} wrap>
      {files.map((f) => (
        <Typography.Link key={f.sha256} onClick={() => void download(f)} style={{ fontSize: 12 }}>
          <PaperClipOutlined /> {f.name}
        </Typography.Link>
      ))}
    </Space>
  );
}
