// 设置 → 实施方案: every plan this ledger holds (none is ever hidden), which one the pages show, and — for the
// centre, once a new year's plan is in — carrying chosen unfinished tasks of an older plan into the current one.
import { Alert, App, Button, Card, Modal, Select, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TaskRow } from '../../../../shared/domain';
import { taskStatusLabel } from '../../../../shared/labels';
import { ApiError, request } from '../../api';
import { useLedgerPick } from '../../state';

function CarryOver({ fromId, toTitle, onClose }: { fromId: string; toTitle: string; onClose: () => void }) {
  const { message } = App.useApp();
  const { plans, load } = useLedgerPick('plans', 'load');
  const [tasks, setTasks] = useState<TaskRow[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void request('tasks.list', { planId: fromId }).then((r) => setTasks(r.tasks.filter((t) => t.status !== 'closed' && !t.parentId)), (e: Error) => setError(e.message));
  }, [fromId]);
  const to = plans.find((p) => p.current)!;
  const carry = async () => {
    setBusy(true);
    try {
      const r = await request('plan.carryOver', { fromPlanId: fromId, toPlanId: to.id, taskIds: chosen });
      message.success(`已结转 ${r.carried.length} 项任务到“${toTitle}”。`);
      await load();
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={900} title={`结转未完成任务到“${toTitle}”`} onCancel={onClose} okText={`结转所选 ${chosen.length} 项`} okButtonProps={{ disabled: chosen.length === 0, loading: busy }} onOk={() => void carry()} cancelText="取消">
      <Typography.Paragraph type="secondary">只列出原方案中未销号的任务。结转后在新方案中成为新任务（注明结转自原方案的哪一项），完成时限请在新方案中重新确定；原方案的任务和记录保持不变。</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Table<TaskRow>
        size="small"
        rowKey="id"
        loading={tasks === null}
        dataSource={tasks ?? []}
        pagination={false}
        scroll={{ y: 360 }}
        rowSelection={{ selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 80 },
          { title: '任务', dataIndex: 'title' },
          { title: '牵头单位', key: 'lead', width: 200, render: (_, t) => t.leadUnits.join('、') },
          { title: '状态', key: 'status', width: 90, render: (_, t) => taskStatusLabel[t.status] },
        ]}
        data-testid="carry-tasks"
      />
    </Modal>
  );
}

export function PlansCard() {
  const { plans, identity, load } = useLedgerPick('plans', 'identity', 'load');
  const [from, setFrom] = useState<string | null>(null);
  const [carrying, setCarrying] = useState(false);
  const current = plans.find((p) => p.current);
  // Carried forward only: from an earlier (or same) year's plan into the one shown.
  const others = plans.filter((p) => !p.current && current && p.year <= current.year);
  return (
    <Card title="实施方案" size="small" data-testid="plans-card">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={plans}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '方案', dataIndex: 'title' },
          { title: '文号', dataIndex: 'docNo', width: 180, render: (v: string) => v || '—' },
          { title: '任务', dataIndex: 'tasks', width: 70 },
          {
            title: '',
            key: 'use',
            width: 120,
            render: (_, p) =>
              p.current ? (
                <Tag color="blue">当前显示</Tag>
              ) : (
                <Button size="small" onClick={async () => { await request('plan.use', { planId: p.id }); await load(); }}>
                  切换到此方案
                </Button>
              ),
          },
        ]}
      />
      {identity?.role === 'center' && current && others.length > 0 && (
        <div style={{ marginTop: 12, display: 'flex', gap: 8, alignItems: 'center' }}>
          <span>把</span>
          <Select size="small" style={{ width: 320 }} placeholder="选择原方案" value={from ?? undefined} onChange={setFrom} options={others.map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}` }))} data-testid="carry-from" />
          <span>中未完成的任务结转到当前方案</span>
          <Button size="small" disabled={!from} onClick={() => setCarrying(true)} data-testid="carry-open">
            选择任务…
          </Button>
        </div>
      )}
      {carrying && from && current && <CarryOver fromId={from} toTitle={current.title} onClose={() => setCarrying(false)} />}
    </Card>
  );
}
