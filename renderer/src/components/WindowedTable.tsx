// An antd table that is handed only the rows in view. antd's own virtual mode still walks the whole data
// source on every change (row keys, selection maps): at 50,000 tasks that was most of each keystroke. Every
// row here has one height (cells cut with an ellipsis), so the rows in view follow from the scroll position by
// one division; the table renders them between two spacer rows, in a scroll box whose header stays put.
// (@tanstack/react-virtual did the same job, but measured every row again at each change of the list: 12 ms
// of each keystroke at 50,000 rows.) The header stays put by CSS (position: sticky on its cells, global.css):
// antd's own sticky header is a second table kept in step by measuring, a forced layout on every render.
import { Table, type TableProps } from 'antd';
import { createContext, useContext, useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

/** A small table's row, tags included: the guess until a rendered row is measured. */
const ROW_HEIGHT = 39;
/** Rows drawn beyond each edge of the box, so a fast scroll shows rows, not the spacer. */
const OVERSCAN = 6;

const SpacerContext = createContext({ top: 0, bottom: 0 });

function Body(props: HTMLAttributes<HTMLTableSectionElement> & { children?: ReactNode }) {
  const { top, bottom } = useContext(SpacerContext);
  return (
    <tbody {...props}>
      {top > 0 && <tr aria-hidden style={{ height: top }} />}
      {props.children}
      {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
    </tbody>
  );
}

const components = { body: { wrapper: Body } };

export type WindowedTableProps<T> = Omit<TableProps<T>, 'virtual' | 'scroll' | 'components' | 'pagination' | 'sticky' | 'dataSource'> & {
  dataSource: readonly T[];
  height: number;
  /** When this changes (another filter or search), the view goes back to the top. */
  resetKey?: string;
  'data-testid'?: string;
};

export function WindowedTable<T extends object>({ dataSource, height, resetKey, 'data-testid': testId, ...rest }: WindowedTableProps<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [rowHeight, setRowHeight] = useState(0);
  // Measured once, from the first row drawn: reading a height forces a layout, not something to do per keystroke.
  useLayoutEffect(() => {
    if (rowHeight) return;
    const row = box.current?.querySelector<HTMLElement>('.ant-table-row');
    if (row && row.offsetHeight > 0) setRowHeight(row.offsetHeight);
  });
  const rowPx = rowHeight || ROW_HEIGHT;
  // A new search starts at the top. The box is touched only when it is scrolled: setting scrollTop forces a
  // layout in the middle of the keystroke's render (~7 ms at 50,000 rows), even to the value it already has.
  useLayoutEffect(() => {
    if (scrollTop !== 0 && box.current) box.current.scrollTop = 0;
    setScrollTop(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the position as of this render, on a new key only
  }, [resetKey]);
  const count = dataSource.length;
  const first = Math.min(count, Math.max(0, Math.floor(scrollTop / rowPx) - OVERSCAN));
  const end = Math.min(count, Math.ceil((scrollTop + height) / rowPx) + OVERSCAN);
  return (
    <div ref={box} className="windowed-table" data-testid={testId} style={{ height, overflow: 'auto' }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <SpacerContext.Provider value={{ top: first * rowPx, bottom: Math.max(0, count - end) * rowPx }}>
        <Table<T> {...rest} tableLayout="fixed" pagination={false} components={components} dataSource={dataSource.slice(first, end)} />
      </SpacerContext.Provider>
    </div>
  );
}
