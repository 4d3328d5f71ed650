// 台账: every task, filtered by battle, list type, unit, status, light and searched in memory, in a
// virtualised table; a row opens the drawer; 打印 prints the current view as an A4 landscape table.
import { PrinterOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Segmented, Select, Space, Typography, type InputRef } from 'antd';
import { VoidedList } from '../components/VoidedList';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { listTypes, taskStatuses, type TaskRow } from '../../../shared/domain';
import { lights } from '../../../shared/enums';
import { listTypeLabel, taskStatusLabel } from '../../../shared/labels';
import { buildSearchIndex, filterTasks } from '../../../shared/task-filter';
import { AddTask } from '../components/AddTask';
import { XlsxImport } from '../components/XlsxImport';
import { LIGHT, LightTag } from '../components/LightTag';
import { PrintTable } from '../components/PrintTable';
import { StatusTag } from '../components/StatusTag';
import { allGroupsLabel, battleOrdinal, groupLabel } from '../labels';
import { groupRows, type Grouping, type LedgerRow } from '../ledger-groups';
import { request, saveOutgoing } from '../api';
import { useLedgerPick } from '../state';
import { useWindowHeight } from '../useWindowHeight';
import { WindowedTable } from '../components/WindowedTable';

/** A column shows a task's cell, or nothing on a group's header row (whose label sits in the 任务 column). */
const cell = (render: (t: TaskRow) => ReactNode) => (_: unknown, r: LedgerRow) => (r.kind === 'task' ? render(r.task) : null);
/** A group's header spans the 任务 column and the ones after it, so its name is never cut. */
const AFTER_TITLE = 7;
const covered = (r: LedgerRow) => (r.kind === 'task' ? {} : { colSpan: 0 });

const columns: ColumnsType<LedgerRow> = [
  { title: '编号', key: 'code', width: 84, render: cell((t) => t.code) },
  { title: '工作任务', key: 'section', width: 150, ellipsis: true, render: cell((t) => t.group || t.section) },
  {
    title: '任务',
    key: 'title',
    ellipsis: true,
    onCell: (r) => (r.kind === 'task' ? {} : { colSpan: 1 + AFTER_TITLE }),
    render: (_, r) =>
      r.kind === 'task' ? (
        r.task.title
      ) : (
        <strong data-testid="group-header">
          {r.label}（{r.count} 项）
        </strong>
      ),
  },
  { title: '牵头单位', key: 'lead', width: 150, ellipsis: true, onCell: covered, render: cell((t) => t.leadUnits.join('、') || '—') },
  { title: '配合单位', key: 'co', width: 150, ellipsis: true, onCell: covered, render: cell((t) => t.coUnits.join('、') || '—') },
  { title: '责任人', key: 'person', width: 72, ellipsis: true, onCell: covered, render: cell((t) => t.leadPerson || t.handler || '—') },
  { title: '完成时限', key: 'due', width: 96, onCell: covered, render: cell((t) => t.dueDate || '年底') },
  { title: '进度', key: 'percent', width: 64, align: 'right', onCell: covered, render: cell((t) => (t.percent === null ? '—' : `${t.percent}%`)) },
  { title: '预警', key: 'light', width: 92, onCell: covered, render: cell((t) => <LightTag light={t.light} />) },
  { title: '状态', key: 'status', width: 84, onCell: covered, render: cell((t) => <StatusTag status={t.status} />) },
];

/** An optional filter: cleared means "all"; searchable by its labels. */
function FilterSelect<T extends string>(p: { label: string; width: number; value: T | undefined; onChange: (v: T | undefined) => void; options: { value: T; label: string }[]; testId?: string }) {
  return (
    <Select<T>
      aria-label={p.label}
      data-testid={p.testId}
      allowClear
      showSearch
      optionFilterProp="label"
      placeholder={p.label}
      style={{ width: p.width }}
      value={p.value}
      onChange={(v) => p.onChange(v ?? undefined)}
      options={p.options}
    />
  );
}

/** Views up to this size keep their print table ready in the page. */
const PRINT_READY_ROWS = 1000;

export function Ledger() {
  const { message } = App.useApp();
  const { tasks, battles, units, filter, setFilter, openTask } = useLedgerPick('tasks', 'battles', 'units', 'filter', 'setFilter', 'openTask');
  const index = useMemo(() => buildSearchIndex(tasks), [tasks]);
  const { battle, listType, unit, status, light, search } = filter;
  // In the same render as the keystroke: filtering 50,000 tasks takes about 10 ms and only the rows in view are
  // drawn, so deferring the search would only add a frame before the table shows it.
  const visible = useMemo(
    () => filterTasks(tasks, { battle, listType, unit, status, light, search }, index),
    [tasks, battle, listType, unit, status, light, search, index],
  );
  const [grouping, setGrouping] = useState<Grouping>('none');
  const rows = useMemo(() => groupRows(visible, grouping), [visible, grouping]);
  const searchRef = useRef<InputRef>(null);
  const [printing, setPrinting] = useState(false);
  // A large view's print table is built only when printing starts (the browser's Ctrl+P included): kept in the
  // page, tens of thousands of hidden rows would be re-rendered at every keystroke.
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
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

  // The selects change only with their own fields: kept as they are while the search box is typed in.
  const filterSelects = useMemo(
    () => (
      <>
        <Select
          aria-label={`按${groupLabel()}筛选`}
          data-testid="battle-filter"
          style={{ width: 230 }}
          value={battle ?? 0}
          onChange={(v: number) => setFilter({ battle: v === 0 ? undefined : v })}
          options={[{ value: 0, label: allGroupsLabel() }, ...battles.map((b) => ({ value: b.code, label: `${battleOrdinal(b.code)} ${b.name}` }))]}
        />
        <FilterSelect label="清单类型" width={110} value={listType} onChange={(v) => setFilter({ listType: v })} options={listTypes.map((l) => ({ value: l, label: listTypeLabel[l] }))} />
        <FilterSelect label="牵头/配合单位" testId="unit-filter" width={170} value={unit} onChange={(v) => setFilter({ unit: v })} options={units.map((u) => ({ value: u.name, label: u.name }))} />
        <FilterSelect label="状态" testId="status-filter" width={100} value={status} onChange={(v) => setFilter({ status: v })} options={taskStatuses.map((st) => ({ value: st, label: taskStatusLabel[st] }))} />
        <FilterSelect label="预警灯" testId="light-filter" width={100} value={light} onChange={(v) => setFilter({ light: v })} options={lights.map((l) => ({ value: l, label: `${LIGHT[l].mark} ${LIGHT[l].word}` }))} />
      </>
    ),
    [battle, listType, unit, status, light, battles, units, setFilter],
  );

  const describe = [
    filter.battle ? battleOrdinal(filter.battle) : allGroupsLabel(),
    filter.listType && listTypeLabel[filter.listType],
    filter.unit,
    filter.status && taskStatusLabel[filter.status],
    filter.light && LIGHT[filter.light].word,
    filter.search && `“${filter.search}”`,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div>
      <div className="no-print">
        <Space wrap style={{ marginBottom: 12 }}>
          {filterSelects}
          <Input.Search
            ref={searchRef}
            aria-label="搜索任务"
            data-testid="task-search"
            allowClear
            style={{ width: 260 }}
            placeholder="搜索编号、任务内容或单位（Ctrl+F）"
            value={filter.search ?? ''}
            onChange={(e) => setFilter({ search: e.target.value || undefined })}
          />
          <Typography.Text type="secondary" data-testid="task-count">
            共 {visible.length} 项
          </Typography.Text>
          <Segmented<Grouping>
            aria-label="分组"
            value={grouping}
            onChange={setGrouping}
            data-testid="grouping"
            options={[
              { value: 'none', label: '不分组' },
              { value: 'battle', label: `按${groupLabel()}` },
              { value: 'unit', label: '按牵头单位' },
            ]}
          />
          <AddTask />
          <XlsxImport />
          <Button
            data-testid="xlsx-export"
            onClick={() =>
              void request('ledger.exportXlsx', filter)
                .then((r) => saveOutgoing(r.file))
                .catch((e: Error) => message.error(e.message))
            }
          >
            导出Excel
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print">
            打印
          </Button>
          <VoidedList />
        </Space>
        <WindowedTable<LedgerRow>
          data-testid="ledger-table"
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={rows}
          height={Math.max(280, height - 170)}
          resetKey={`${describe}|${grouping}`}
          rowClassName={(r) => (r.kind === 'group' ? 'ledger-group-row' : '')}
          locale={{ emptyText: <Empty description={filter.search ? `没有找到与“${filter.search}”相关的任务，换个关键词试试。` : '没有符合筛选条件的任务。'} /> }}
          onRow={(r) =>
            r.kind === 'task'
              ? {
                  onClick: () => openTask(r.task.id),
                  onKeyDown: (e) => e.key === 'Enter' && openTask(r.task.id),
                  tabIndex: 0,
                  style: { cursor: 'pointer' },
                }
              : {}
          }
        />
      </div>
      {(printing || visible.length <= PRINT_READY_ROWS) && <PrintTable tasks={visible} caption={describe} />}
    </div>
  );
}
