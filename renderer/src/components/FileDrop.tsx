// A drop zone for one file, read the way its caller needs it (as a reference, api.ts pickedFile: a bundle may be
// 80 MB) and handed over; nothing leaves this computer.
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';

export function FileDrop<T extends { name: string }>(p: {
  accept: string;
  title: string;
  hint: string;
  picked: T | null;
  read: (f: File) => Promise<T>;
  onFile: (f: T) => void;
  /** The Chinese message when the file could not be read. */
  onError: (message: string) => void;
  testId: string;
}) {
  return (
    <div data-testid={p.testId}>
      <Upload.Dragger
        accept={p.accept}
        multiple={false}
        showUploadList={false}
        beforeUpload={async (f) => {
          try {
            p.onFile(await p.read(f));
          } catch (err) {
            p.onError((err as Error).message);
          }
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
