// 审批销号 with judgement: the request's statement beside the task's reported progress, its quantified targets
// and the evidence, a 审批意见 recorded with the decision (the unit reads it), and a confirmation before it counts.
import { Alert, Button, Descriptions, Empty, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import type { Closeout } from '../../../../shared/workflow';
import { request } from '../../api';
import { periodLabel } from '../../periods';
import { change } from '../../state';
import { EvidenceLinks } from './EvidenceLinks';
import { TEXT_MAX } from '../../../../shared/limits';

export function DecideDialog({ item, onClose }: { item: Closeout | null; onClose(): void }) {
  const [detail, setDetail] = useState<ChannelOutput<'task.detail'> | null>(null);
  const [opinion, setOpinion] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDetail(null);
    setOpinion('');
    setError(null);
    if (!item) return;
    let live = true;
    request('task.detail', { id: item.taskId }).then(
      (d) => live && setDetail(d),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [item]);

  const decide = async (approve: boolean) => {
    if (!item) return;
    const err = await change(() => request('closeout.decide', { taskId: item.taskId, approve, reason: opinion }));
    setError(err);
    if (!err) onClose();
  };
  const task = detail?.task;
  const below = task && (task.percent ?? 0) < 100;

  return (
    <Modal
      open={!!item}
      width={760}
      title={item ? `审批销号申请：${item.taskCode} ${item.taskTitle}` : ''}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button danger disabled={opinion.trim().length < 2} onClick={() => void decide(false)} data-testid="dialog-reject">
            退回
          </Button>
          <Popconfirm title="确认批准销号？" description="批准后该任务计为已销号，申请单位将看到审批意见。" okText="确认批准" cancelText="再看看" onConfirm={() => void decide(true)}>
            <Button type="primary" data-testid="dialog-approve">
              批准销号
            </Button>
          </Popconfirm>
        </Space>
      }
    >
      {item && (
        <div style={{ maxHeight: 460, overflow: 'auto' }} data-testid="decide-dialog">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="申请单位">{item.unit}</Descriptions.Item>
            <Descriptions.Item label="申请日期">{item.requestedOn}</Descriptions.Item>
            <Descriptions.Item label="报送进度">
              {task ? (task.percent === null ? '未报送' : `${task.percent}%`) : '…'}
              {below && <Tag color="orange" style={{ marginLeft: 8 }}>未满100%</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label="完成时限">{task?.dueDate || '年底'}</Descriptions.Item>
            <Descriptions.Item label="完成情况" span={2}>
              {item.statement}
            </Descriptions.Item>
            <Descriptions.Item label="量化目标" span={2}>
              {task?.targets.length ? task.targets.map((t) => `${t.name}${t.name && t.text ? '：' : ''}${t.text || `${t.value}${t.unit}`}`).join('；') : '无量化目标'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            报送的进展和佐证
          </Typography.Title>
          {detail?.progress.length ? (
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={detail.progress.slice(0, 6)}
              columns={[
                { title: '报告期', key: 'p', width: 110, render: (_, l) => periodLabel(l.period) },
                { title: '单位', dataIndex: 'unit', key: 'u', width: 110 },
                { title: '进度', key: 'pc', width: 56, render: (_, l) => `${l.percent}%` },
                { title: '进展情况', key: 't', render: (_, l) => (<div>{l.text}<EvidenceLinks files={l.evidence} /></div>) },
              ]}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={detail ? '没有报送过进展' : '正在读取…'} />
          )}
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            审批意见
          </Typography.Title>
          <Input.TextArea rows={3} maxLength={TEXT_MAX.reason} showCount value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="批准时可写意见；退回时必须写明理由。申请单位会看到。" data-testid="decide-opinion" />
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        </div>
      )}
    </Modal>
  );
}
