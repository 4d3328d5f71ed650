// Attached files of a progress line: fetched from the core and saved by the browser when clicked.
import { PaperClipOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { EvidenceRef } from '../../../../shared/workflow';
import { request } from '../../api';
import { saveBase64File } from '../../save-file';

async function download(e: EvidenceRef): Promise<void> {
  const { contentBase64 } = await request('evidence.get', { sha256: e.sha256 });
  saveBase64File(e.name, contentBase64);
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
