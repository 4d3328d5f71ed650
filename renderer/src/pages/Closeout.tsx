// 拉单销号: the list of this office's tasks to tick off (report, request 销号), and for a taskforce or the
// center the queue of requests waiting for its decision.
import { CheckCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Segmented, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { TaskRow } from '../../../shared/domain';
import type { Closeout as CloseoutItem } from '../../../shared/workflow';
import { request } from '../api';
import { LightTag } from '../components/LightTag';
import { StatusTag } from '../components/StatusTag';
import { DecideDialog } from '../components/task/DecideDialog';
import { useLedgerPick } from '../state';

type Show = 'open' | 'all' | 'closed';

function ReviewQueue() {
  const { tasks, openTask } = useLedgerPick('tasks', 'openTask');
  const [items, setItems] = useState<CloseoutItem[]>([]);
  const [deciding, setDeciding] = useState<CloseoutItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Each reload of the ledger asks again; an answer overtaken by a newer question is dropped, so a slow
  // reply can never put back a request that was just decided.
  useEffect(() => {
    let live = true;
    request('closeout.queue', {}).then(
      (r) => live && setItems(r.items),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [tasks]);

  return (
    <Card size="small" title={`待审批的销号申请（${items.length}）`} data-testid="review-queue" style={{ marginBottom: 16 }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<CloseoutItem>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待审批的销号申请" /> }}
        columns={[
          { title: '编号', dataIndex: 'taskCode', key: 'code', width: 84 },
          { title: '任务', key: 'title', ellipsis: true, render: (_, c) => <a onClick={() => openTask(c.taskId)}>{c.taskTitle}</a> },
          { title: '申请单位', dataIndex: 'unit', key: 'unit', width: 130 },
          { title: '完成情况', dataIndex: 'statement', key: 'statement', ellipsis: true },
          { title: '申请日期', dataIndex: 'requestedOn', key: 'on', width: 100 },
          {
            title: '审批',
            key: 'act',
            width: 90,
            render: (_, c) => (
              <Button size="small" type="primary" onClick={() => setDeciding(c)} data-testid={`decide-${c.taskCode}`}>
                审批
              </Button>
            ),
          },
        ]}
      />
      <DecideDialog item={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
}

export function Closeout() {
  const { tasks, identity, openTask } = useLedgerPick('tasks', 'identity', 'openTask');
  const [show, setShow] = useState<Show>('open');
  const mine = useMemo(
    () => (identity ? tasks.filter((t) => t.leadUnitIds.includes(identity.officeUnitId) || t.coUnitIds.includes(identity.officeUnitId)) : []),
    [tasks, identity],
  );
  if (!identity) return null;
  const shown = mine.filter((t) => (show === 'all' ? true : show === 'closed' ? t.status === 'closed' : t.status !== 'closed'));
  const done = mine.filter((t) => t.status === 'closed').length;

  return (
    <div>
      {identity.role !== 'unit' && <ReviewQueue />}
      <Card
        size="small"
        data-testid="my-tasks"
        title={`${identity.officeName}的任务清单：${mine.length} 项，已销号 ${done} 项`}
        extra={
          <Segmented<Show>
            value={show}
            onChange={setShow}
            options={[
              { value: 'open', label: '未销号' },
              { value: 'closed', label: '已销号' },
              { value: 'all', label: '全部' },
            ]}
          />
        }
      >
        <Table<TaskRow>
          size="small"
          rowKey="id"
          pagination={false}
          virtual
          scroll={{ y: 520 }}
          dataSource={shown}
          onRow={(t) => ({ onClick: () => openTask(t.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={mine.length ? '这一栏没有任务' : '本单位在台账中没有牵头或配合的任务'} /> }}
          columns={[
            {
              title: '',
              key: 'tick',
              width: 36,
              render: (_, t) => (t.status === 'closed' ? <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="已销号" /> : null),
            },
            { title: '编号', dataIndex: 'code', key: 'code', width: 84 },
            { title: '任务', dataIndex: 'title', key: 'title', ellipsis: true },
            { title: '本单位', key: 'role', width: 70, render: (_, t) => (t.leadUnitIds.includes(identity.officeUnitId) ? '牵头' : '配合') },
            { title: '进度', key: 'percent', width: 64, align: 'right', render: (_, t) => (t.percent === null ? '—' : `${t.percent}%`) },
            { title: '预警', key: 'light', width: 92, render: (_, t) => <LightTag light={t.light} /> },
            { title: '完成时限', key: 'due', width: 96, render: (_, t) => t.dueDate || '年底' },
            {
              title: '状态',
              key: 'status',
              width: 150,
              render: (_, t) => (
                <>
                  <StatusTag status={t.status} />
                  {t.closeout === 'rejected' && (
                    <Tag color="red" data-testid={`rejected-${t.code}`}>
                      已退回
                    </Tag>
                  )}
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
