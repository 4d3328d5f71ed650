// 销号: the request / decision history, and the one action this office may take now.
import { Alert, Button, Empty, Form, Input, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { TaskRow } from '../../../../shared/domain';
import { can } from '../../../../shared/permissions';
import type { Closeout, Identity } from '../../../../shared/workflow';
import { request } from '../../api';
import { change } from '../../state';

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
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    const err = await change(fn);
    setError(err);
    if (!err) setText('');
  };

  return (
    <div>
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
                    <Typography.Text type="secondary">
                      {c.decider} {c.decidedOn}
                      {c.reason ? `：${c.reason}` : ''}
                    </Typography.Text>
                  </div>
                )}
              </div>
            ),
          }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未申请销号" />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ margin: '12px 0' }} />}
      {mayRequest && (
        <Form layout="vertical" onFinish={() => void act(() => request('closeout.request', { taskId: task.id, statement: text }))}>
          <Form.Item label="申请销号：完成情况说明" required>
            <Input.TextArea rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} placeholder="写明任务完成情况和量化指标完成数" data-testid="closeout-statement" />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="request-closeout">
            申请销号
          </Button>
        </Form>
      )}
      {mayDecide && latest?.state === 'pending' && (
        <div data-testid="closeout-decide">
          <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} placeholder="审批意见（退回时必填）" style={{ marginBottom: 8 }} data-testid="closeout-reason" />
          <Space>
            <Button type="primary" onClick={() => void act(() => request('closeout.decide', { taskId: task.id, approve: true, reason: text }))} data-testid="approve-closeout">
              批准销号
            </Button>
            <Button danger onClick={() => void act(() => request('closeout.decide', { taskId: task.id, approve: false, reason: text }))} data-testid="reject-closeout">
              退回
            </Button>
          </Space>
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
