// 台账: every task, filtered by battle and searched in memory, in a virtualised table; a row opens the drawer.
import { Empty, Input, Select, Space, Table, Typography, type InputRef } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useDeferredValue, useEffect, useMemo, useRef } from 'react';
import type { TaskRow } from '../../../shared/domain';
import { filterTasks } from '../../../shared/task-filter';
import { StatusTag } from '../components/StatusTag';
import { TaskDrawer } from '../components/TaskDrawer';
import { battleOrdinal } from '../labels';
import { useLedger } from '../state';
import { useWindowHeight } from '../useWindowHeight';

const columns: ColumnsType<TaskRow> = [
  { title: '编号', dataIndex: 'code', key: 'code', width: 80 },
  { title: '工作任务', key: 'section', width: 170, ellipsis: true, render: (_, t) => t.group || t.section },
  { title: '任务', dataIndex: 'title', key: 'title', ellipsis: true },
  { title: '牵头单位', key: 'lead', width: 200, ellipsis: true, render: (_, t) => t.leadUnits.join('、') || '—' },
  { title: '配合单位', key: 'co', width: 240, ellipsis: true, render: (_, t) => t.coUnits.join('、') || '—' },
  { title: '状态', key: 'status', width: 90, render: (_, t) => <StatusTag status={t.status} /> },
];

export function Ledger() {
  const { tasks, battles, battleFilter, search, openTaskId, setBattleFilter, setSearch, openTask } = useLedger();
  const deferredSearch = useDeferredValue(search);
  const visible = useMemo(() => filterTasks(tasks, { battle: battleFilter, search: deferredSearch }), [tasks, battleFilter, deferredSearch]);
  const searchRef = useRef<InputRef>(null);
  const height = useWindowHeight();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        searchRef.current?.focus({ cursor: 'all' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="按仗筛选"
          data-testid="battle-filter"
          style={{ width: 260 }}
          value={battleFilter ?? 0}
          onChange={(v: number) => setBattleFilter(v === 0 ? undefined : v)}
          options={[{ value: 0, label: '全部六仗' }, ...battles.map((b) => ({ value: b.code, label: `${battleOrdinal(b.code)} ${b.name}` }))]}
        />
        <Input.Search
          ref={searchRef}
          aria-label="搜索任务"
          data-testid="task-search"
          allowClear
          style={{ width: 360 }}
          placeholder="搜索编号、任务内容或单位（Ctrl+F）"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <Typography.Text type="secondary" data-testid="task-count">
          共 {visible.length} 项
        </Typography.Text>
      </Space>
      <Table<TaskRow>
        data-testid="ledger-table"
        rowKey="id"
        size="small"
        virtual
        columns={columns}
        dataSource={visible}
        pagination={false}
        scroll={{ y: Math.max(240, height - 210) }}
        locale={{ emptyText: <Empty description={search ? `没有找到与“${search}”相关的任务，换个关键词试试。` : '本仗暂无任务。'} /> }}
        onRow={(t) => ({
          onClick: () => openTask(t.id),
          onKeyDown: (e) => e.key === 'Enter' && openTask(t.id),
          tabIndex: 0,
          style: { cursor: 'pointer' },
        })}
      />
      <TaskDrawer task={tasks.find((t) => t.id === openTaskId)} onClose={() => openTask(null)} />
    </div>
  );
}
