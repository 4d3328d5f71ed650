// 销号: the request / decision history, and the one action this office may take now. A rejection stands at the
// top with its reason until the unit answers it or asks again; an approval shows its 审批意见.
import { Alert, Button, Checkbox, Empty, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { TaskRow } from '../../../../shared/domain';
import { can } from '../../../../shared/permissions';
import type { Closeout, Identity } from '../../../../shared/workflow';
import { request } from '../../api';
import { change } from '../../state';
import { VoidButton } from '../VoidButton';
import { DecideDialog } from './DecideDialog';
import { TEXT_MAX } from '../../../../shared/limits';

const STATE = {
  pending: { word: '待审批', color: 'purple' },
  approved: { word: '已销号', color: 'green' },
  rejected: { word: '已退回', color: 'red' },
  reopened: { word: '已重新打开', color: 'orange' },
  withdrawn: { word: '已撤回', color: 'default' },
} as const;

export function CloseoutTab({ task, history, identity }: { task: TaskRow; history: Closeout[]; identity: Identity | null }) {
  const scope = { battle: task.battle, leadUnitIds: task.leadUnitIds, coUnitIds: task.coUnitIds };
  const latest = history[0];
  const mayRequest = !!identity && can(identity, 'closeout.request', scope) && latest?.state !== 'pending' && latest?.state !== 'approved';
  const mayDecide = !!identity && can(identity, 'closeout.decide', scope);
  const mayWithdraw = !!identity && latest?.state === 'pending' && can(identity, 'closeout.request', scope) && (identity.role !== 'unit' || latest.unit === identity.officeName);
  const unanswered = latest?.state === 'rejected' && !latest.answer;
  const below = (task.percent ?? 0) < 100;
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState('');
  const [confirmBelow, setConfirmBelow] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    const err = await change(fn);
    setError(err);
    if (!err) {
      setText('');
      setAnswer('');
      setConfirmBelow(false);
    }
  };

  return (
    <div>
      {unanswered && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="rejection-alert"
          title={`销号申请已被${latest.decider || '专班'}于${latest.decidedOn}退回`}
          description={
            <div>
              <div>退回理由：{latest.reason}</div>
              {mayRequest && (
                <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                  <Input value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={TEXT_MAX.statement} placeholder="对退回意见的说明（如：已补充材料），专班会看到" data-testid="answer-text" />
                  <Button disabled={answer.trim().length < 2} onClick={() => void act(() => request('closeout.answer', { taskId: task.id, answer }))} data-testid="answer-rejection">
                    提交说明
                  </Button>
                </Space.Compact>
              )}
            </div>
          }
        />
      )}
      {history.length ? (
        <Timeline
          data-testid="closeout-history"
          items={history.map((c) => ({
            color: STATE[c.state].color,
            content: (
              <div>
                <Tag color={STATE[c.state].color}>{STATE[c.state].word}</Tag>
                <Typography.Text>
                  {c.unit} {c.requestedOn} 申请：{c.statement}
                </Typography.Text>
                {c.decidedOn && (
                  <div>
                    <Typography.Text type={c.state === 'rejected' ? 'danger' : 'secondary'}>
                      {c.decider} {c.decidedOn}
                      {c.state === 'approved' ? ' 批准' : c.state === 'rejected' ? ' 退回' : c.state === 'reopened' ? ' 重新打开' : ''}
                      {c.reason ? `，${c.state === 'approved' ? '审批意见' : '理由'}：${c.reason}` : ''}
                    </Typography.Text>
                  </div>
                )}
                {c.answer && (
                  <div>
                    <Typography.Text>
                      {c.unit} {c.answeredOn} 说明：{c.answer}
                    </Typography.Text>
                  </div>
                )}
                {c.withdrawnOn && <Typography.Text type="secondary">{c.withdrawnOn} 撤回</Typography.Text>}
                {mayDecide && c === latest && <VoidButton entity="closeout" id={c.id} label={`${task.code} 的销号申请`} />}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未申请销号" />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
      {mayWithdraw && (
        <Button onClick={() => void act(() => request('closeout.withdraw', { taskId: task.id }))} data-testid="withdraw-closeout" style={{ marginBottom: 12 }}>
          撤回销号申请
        </Button>
      )}
      {mayRequest && (
        <Form layout="vertical" onFinish={() => void act(() => request('closeout.request', { taskId: task.id, statement: text, belowFull: below && confirmBelow }))}>
          <Form.Item label="申请销号：完成情况说明" required>
            <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={TEXT_MAX.statement} placeholder="写明任务完成情况和量化指标完成数" data-testid="closeout-statement" />
          </Form.Item>
          {below && (
            <Form.Item>
              <Checkbox checked={confirmBelow} onChange={(e) => setConfirmBelow(e.target.checked)} data-testid="confirm-below-full">
                报送进度为 {task.percent ?? 0}%，未满 100%。确认按已完成申请销号，原因已在说明中写明。
              </Checkbox>
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" disabled={below && !confirmBelow} data-testid="request-closeout">
            申请销号
          </Button>
        </Form>
      )}
      {mayDecide && latest?.state === 'pending' && (
        <div data-testid="closeout-decide">
          <Button type="primary" onClick={() => setDeciding(true)} data-testid="open-decide">
            审批销号申请…
          </Button>
          <DecideDialog item={deciding ? latest : null} onClose={() => setDeciding(false)} />
        </div>
      )}
      {mayDecide && latest?.state === 'approved' && (
        <div>
          <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder="重新打开的理由（必填）" style={{ marginBottom: 8 }} />
          <Button onClick={() => void act(() => request('closeout.reopen', { taskId: task.id, reason: text }))} data-testid="reopen-task">
            重新打开
          </Button>
        </div>
      )}
    </div>
  );
}
