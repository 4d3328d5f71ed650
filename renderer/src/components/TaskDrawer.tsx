// A task's full text, assignments, progress, 销号 and history, in a drawer rather than truncated in the table.
import { Drawer, Spin, Tabs } from 'antd';
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/contract';
import { request } from '../api';
import { useLedgerPick } from '../state';
import { AuditTab } from './task/AuditTab';
import { CloseoutTab } from './task/CloseoutTab';
import { InfoTab } from './task/InfoTab';
import { InstructionsTab } from './task/InstructionsTab';
import { ProgressTab } from './task/ProgressTab';
import { LightTag } from './LightTag';
import { StatusTag } from './StatusTag';

export function TaskDrawer() {
  const { openTaskId, openTask, tasks, identity, settings, plan } = useLedgerPick('openTaskId', 'openTask', 'tasks', 'identity', 'settings', 'plan');
  const [detail, setDetail] = useState<ChannelOutput<'task.detail'> | null>(null);
  // Reload the detail whenever the ledger reloads (after any change), so every tab shows stored values.
  useEffect(() => {
    if (!openTaskId) return setDetail(null);
    let live = true;
    request('task.detail', { id: openTaskId }).then((d) => live && setDetail(d), () => live && setDetail(null));
    return () => {
      live = false;
    };
  }, [openTaskId, tasks]);

  const task = detail?.task;
  return (
    <Drawer
      open={!!openTaskId}
      onClose={() => openTask(null)}
      size={720}
      title={
        task ? (
          <span>
            {task.code}　{task.title}　<StatusTag status={task.status} />
            <LightTag light={task.light} />
          </span>
        ) : (
          ''
        )
      }
      destroyOnHidden
    >
      {!task || !settings || !plan ? (
        <Spin />
      ) : (
        <Tabs
          items={[
            { key: 'info', label: '基本信息', children: <InfoTab task={task} identity={identity} /> },
            {
              key: 'progress',
              label: `进展（${detail.progress.length}）`,
              children: <ProgressTab task={task} lines={detail.progress} identity={identity} settings={settings} year={plan.year} />,
            },
            { key: 'closeout', label: '销号', children: <CloseoutTab task={task} history={detail.closeouts} identity={identity} /> },
            { key: 'instructions', label: '领导批示', children: <InstructionsTab task={task} identity={identity} asOf={settings.asOf} /> },
            { key: 'audit', label: '操作记录', children: <AuditTab entries={detail.audit} /> },
          ]}
        />
      )}
    </Drawer>
  );
}
