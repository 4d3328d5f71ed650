// 导入任务分解表: an Excel table into one section. The columns are guessed from their names and can be changed;
// units not in the directory are listed; nothing is added until every row is right, then all rows at once.
import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ChannelOutput, PickedFileRef } from '../../../shared/contract';
import { importColumnFields, importColumnLabel, type ImportColumnField } from '../../../shared/xlsx-import';
import { pickedFile, request } from '../api';
import { change, useLedger } from '../state';
import { useSectionOptions } from '../useSectionOptions';
import { FileDrop } from './FileDrop';

type Preview = ChannelOutput<'ledger.importXlsx'>;

export function XlsxImport() {
  const { message } = App.useApp();
  const identity = useLedger((s) => s.identity);
  const sections = useSectionOptions();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<PickedFileRef | null>(null);
  const [section, setSection] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!identity || identity.role === 'unit') return null;

  const ask = async (picked: PickedFileRef, columns?: ImportColumnField[]) => {
    setError(null);
    try {
      setPreview(await request('ledger.importXlsx', { file: picked, dryRun: true, ...(columns ? { columns } : {}) }));
    } catch (e) {
      setPreview(null);
      setError((e as Error).message);
    }
  };

  const apply = async () => {
    if (!file || !preview) return;
    setBusy(true);
    let added = 0;
    const err = await change(async () => {
      added = (await request('ledger.importXlsx', { file, section, columns: preview.columns, dryRun: false })).added;
    });
    setBusy(false);
    setError(err);
    if (!err) {
      message.success(`已导入 ${added} 项任务`);
      setOpen(false);
      setFile(null);
      setPreview(null);
    }
  };

  const blocked = !preview || !section || preview.unknownUnits.length > 0 || preview.rows.some((r) => r.problems.length > 0);
  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} data-testid="xlsx-import">
        导入Excel
      </Button>
      <Modal
        open={open}
        title="导入任务分解表（Excel）"
        width={980}
        onCancel={() => setOpen(false)}
        okText={preview ? `导入 ${preview.rows.length} 项任务` : '导入'}
        okButtonProps={{ disabled: blocked, loading: busy }}
        onOk={() => void apply()}
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <FileDrop
            accept=".xlsx"
            title="把任务分解表 .xlsx 拖到这里，或点击选择"
            hint="第一行可以是标题；表头应含“工作任务”“牵头单位”等列名"
            picked={file}
            testId="xlsx-file"
            read={pickedFile}
            onError={setError}
            onFile={(f) => {
              setFile(f);
              void ask(f);
            }}
          />
          <Select style={{ width: '100%' }} placeholder="导入到哪一方面的工作任务" value={section || undefined} onChange={setSection} options={sections} showSearch optionFilterProp="label" data-testid="xlsx-section" />
          {error && <Alert type="error" showIcon title={error} />}
          {preview && (
            <>
              <Typography.Text strong>列的对应（按表头猜测，可修改）</Typography.Text>
              <Space wrap data-testid="xlsx-columns">
                {preview.headers.map((h, i) => (
                  <Space key={i} size={4}>
                    <Typography.Text>{h || `第${i + 1}列`}</Typography.Text>
                    <Select<ImportColumnField>
                      size="small"
                      style={{ width: 110 }}
                      value={preview.columns[i]}
                      onChange={(v) => file && void ask(file, preview.columns.map((c, j) => (j === i ? v : c)))}
                      options={importColumnFields.map((f) => ({ value: f, label: importColumnLabel[f] }))}
                    />
                  </Space>
                ))}
              </Space>
              {preview.unknownUnits.length > 0 && (
                <Alert type="warning" showIcon data-testid="xlsx-unknown" title={`单位名录中没有：${preview.unknownUnits.join('、')}。请在表格中改为名录中的名称（或简称）后重新选择文件。`} />
              )}
              <Table
                size="small"
                rowKey="row"
                pagination={{ pageSize: 6, hideOnSinglePage: true }}
                dataSource={preview.rows}
                columns={[
                  { title: '行', dataIndex: 'row', width: 50 },
                  { title: '工作内容', dataIndex: 'group', width: 140 },
                  { title: '工作任务', dataIndex: 'title' },
                  { title: '牵头单位', key: 'lead', width: 150, render: (_, r) => r.lead.join('、') },
                  { title: '配合单位', key: 'co', width: 150, render: (_, r) => r.co.join('、') },
                  { title: '时限', dataIndex: 'due', width: 100, render: (d: string) => d || '年底前' },
                  { title: '问题', key: 'p', width: 140, render: (_, r) => r.problems.map((p) => <Tag color="red" key={p}>{p}</Tag>) },
                ]}
              />
            </>
          )}
        </Space>
      </Modal>
    </>
  );
}
