// The small tables of the side panels: compact, paged by eight, with an empty state that says what it means.
import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';

export function SimpleTable<T extends object>(p: { rowKey: keyof T & string; rows: T[]; columns: ColumnsType<T>; empty: string }) {
  return (
    <Table<T>
      size="small"
      rowKey={p.rowKey}
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      dataSource={p.rows}
      columns={p.columns}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={p.empty} /> }}
    />
  );
}
