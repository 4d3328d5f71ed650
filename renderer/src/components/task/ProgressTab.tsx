// 进展: each unit's lines under the task, newest period first, and the report form for those who may report.
import { Alert, Button, Empty, Form, Input, InputNumber, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TaskRow } from '../../../../shared/domain';
import { can } from '../../../../shared/permissions';
import type { Identity, ProgressLine, Settings } from '../../../../shared/workflow';
import { request } from '../../api';
import { currentPeriod, periodLabel, reportPeriods } from '../../periods';
import { change } from '../../state';
import { fileToBase64 } from '../../file-to-base64';
import { EvidenceLinks } from './EvidenceLinks';
import { VoidButton } from '../VoidButton';
import { EVIDENCE, MB, percentSchema, progressTextSchema, TEXT_MAX } from '../../../../shared/limits';
import { schemaRule } from '../../schema-rule';

interface Values {
  period: string;
  percent: number;
  text: string;
  unit: string;
}

export function ProgressTab({ task, lines, identity, settings, year }: { task: TaskRow; lines: ProgressLine[]; identity: Identity | null; settings: Settings; year: number }) {
  const scope = { battle: task.battle, leadUnitIds: task.leadUnitIds, coUnitIds: task.coUnitIds };
  const mayReport = !!identity && can(identity, 'progress.report', scope);
  const ownLine = !!identity && [...task.leadUnitIds, ...task.coUnitIds].includes(identity.officeUnitId);
  const onBehalf = !!identity && identity.role !== 'unit';
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const periods = reportPeriods(year, settings.asOf);

  const [files, setFiles] = useState<{ uid: string; name: string; size: number; contentBase64: string }[]>([]);

  const submit = async (v: Values) => {
    const evidence = files.map(({ name, contentBase64 }) => ({ name, contentBase64 }));
    const err = await change(() =>
      request('progress.report', { taskId: task.id, period: v.period, percent: v.percent, text: v.text, ...(onBehalf ? { unit: v.unit } : {}), ...(evidence.length ? { evidence } : {}) }),
    );
    setError(err);
    if (!err) {
      form.resetFields(['text']);
      setFiles([]);
    }
  };

  return (
    <div>
      {lines.length ? (
        <Table<ProgressLine>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={lines}
          data-testid="progress-lines"
          columns={[
            { title: '报告期', key: 'period', width: 120, render: (_, l) => periodLabel(l.period) },
            { title: '单位', dataIndex: 'unit', key: 'unit', width: 120 },
            { title: '进度', key: 'percent', width: 64, align: 'right', render: (_, l) => `${l.percent}%` },
            {
              title: '进展情况',
              key: 'text',
              render: (_, l) => (
                <div>
                  <div>{l.text}</div>
                  <EvidenceLinks files={l.evidence} />
                </div>
              ),
            },
            {
              title: '',
              key: 'void',
              width: 56,
              // A unit voids its own lines; the office running the battle any line.
              render: (_, l) => (identity && mayReport && (identity.role !== 'unit' || l.unit === identity.officeName) ? <VoidButton entity="progress" id={l.id} label={`${periodLabel(l.period)} ${l.unit}`} /> : null),
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报送进展" />
      )}
      {mayReport && (
        <Form<Values>
          form={form}
          layout="vertical"
          style={{ marginTop: 16 }}
          initialValues={{ period: currentPeriod(periods, settings.asOf), unit: ownLine ? identity!.officeName : task.leadUnits[0], percent: task.percent ?? 0 }}
          onFinish={(v) => void submit(v)}
          data-testid="progress-form"
        >
          <Typography.Title level={5}>报送本期进展</Typography.Title>
          <Space wrap>
            <Form.Item name="period" label="报告期" rules={[{ required: true, message: '请选择报告期' }]}>
              <Select style={{ width: 150 }} options={periods} />
            </Form.Item>
            {onBehalf && (
              <Form.Item name="unit" label="报送单位" rules={[{ required: true, message: '请选择单位' }]}>
                <Select style={{ width: 170 }} options={[...task.leadUnits, ...task.coUnits].map((u) => ({ value: u, label: u }))} />
              </Form.Item>
            )}
            <Form.Item name="percent" label="完成进度" rules={[schemaRule(percentSchema)]}>
              <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 110 }} />
            </Form.Item>
          </Space>
          <Form.Item name="text" label="进展情况" rules={[schemaRule(progressTextSchema)]}>
            <Input.TextArea rows={3} maxLength={TEXT_MAX.statement} showCount placeholder="写明本期做了什么、完成了哪些量化指标；无需附截图" />
          </Form.Item>
          <Form.Item label="附件（可不传）" extra={`不要求截图或照片；确有需要的总结、文件可附上，最多 ${EVIDENCE.files} 个，每个不超过 ${EVIDENCE.fileBytes / MB} MB，合计不超过 ${EVIDENCE.totalBytes / MB} MB。`}>
            <Upload
              multiple
              fileList={files.map((f) => ({ uid: f.uid, name: f.name, status: 'done' as const }))}
              onRemove={(f) => setFiles((list) => list.filter((x) => x.uid !== f.uid))}
              beforeUpload={async (f) => {
                // The same limits the contract checks, said before the file is read.
                const total = files.reduce((n, x) => n + x.size, 0) + f.size;
                if (files.length >= EVIDENCE.files) setError(`每次最多附 ${EVIDENCE.files} 个文件。`);
                else if (f.size > EVIDENCE.fileBytes) setError(`附件“${f.name}”超过 ${EVIDENCE.fileBytes / MB} MB。`);
                else if (total > EVIDENCE.totalBytes) setError(`附件合计不能超过 ${EVIDENCE.totalBytes / MB} MB。`);
                else {
                  const contentBase64 = await fileToBase64(f);
                  setFiles((list) => [...list, { uid: f.uid, name: f.name, size: f.size, contentBase64 }]);
                }
                return false;
              }}
            >
              <Button size="small" data-testid="attach-evidence">
                选择文件
              </Button>
            </Upload>
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
          <Button type="primary" htmlType="submit" data-testid="submit-progress">
            报送
          </Button>
        </Form>
      )}
    </div>
  );
}
