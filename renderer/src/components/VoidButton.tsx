// 作废 with a reason: the record leaves lists and counts, and its history stays in the 操作记录, struck through.
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { voidableLabel as WHAT, type VoidableEntity } from '../../../shared/daily';
import { request } from '../api';
import { change } from '../state';
import { TEXT_MAX } from '../../../shared/limits';


export function VoidButton({ entity, id, label, size = 'small', onDone }: { entity: VoidableEntity; id: string; label: string; size?: 'small' | 'middle'; onDone?: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const err = await change(() => request('record.void', { entity, id, reason }));
    setError(err);
    if (!err) {
      setOpen(false);
      onDone?.();
    }
  };
  return (
    <>
      <Button size={size} type="link" danger onClick={() => (setOpen(true), setReason(''), setError(null))} data-testid={`void-${entity}`}>
        作废
      </Button>
      <Modal
        open={open}
        title={`作废${WHAT[entity]}：${label}`}
        okText="作废"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, id: 'confirm-void' }}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Typography.Paragraph type="secondary">
          作废后不再计入台账、统计和报告；原记录和作废理由保留在操作记录中，以删除线显示，各单位同步后一致。
        </Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={TEXT_MAX.shortReason} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder="作废的理由（必填），如：重复录入" data-testid="void-reason" />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
