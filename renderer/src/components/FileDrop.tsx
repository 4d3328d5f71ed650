// A drop zone that reads one file as base64 and hands it over; nothing is uploaded anywhere.
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { fileToBase64 } from '../file-to-base64';

export interface PickedFile {
  name: string;
  content: string;
}

export function FileDrop(p: { accept: string; title: string; hint: string; picked: PickedFile | null; onFile: (f: PickedFile) => void; testId: string }) {
  return (
    <div data-testid={p.testId}>
      <Upload.Dragger
        accept={p.accept}
        multiple={false}
        showUploadList={false}
        beforeUpload={async (f) => {
          p.onFile({ name: f.name, content: await fileToBase64(f) });
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{p.title}</p>
        <p className="ant-upload-hint">{p.picked ? `已选择：${p.picked.name}` : p.hint}</p>
      </Upload.Dragger>
    </div>
  );
}
