// The ledger (or any filtered view of it) as .xlsx in the 任务分解表 layout the offices already keep:
// 序号, 编号, 工作内容, 工作任务, 牵头单位, 配合单位, 责任人, then what the ledger adds (时限, 进度, 状态, 预警,
// 最新进展 with its date, 销号日期), in the ledger's order (codes in natural order: 1.1.1-2 before 1.1.1-10).
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import { lightLabel, taskStatusLabel } from '../../../shared/labels';
import { chineseDate, shortChineseDate } from '../../../shared/period';
import { filterTasks, type TaskFilter } from '../../../shared/task-filter';
import type { Settings } from '../../../shared/workflow';
import { listTasks, planInfo } from '../ledger/queries';
import { periodKey } from '../ledger/task-facts';
import type { Store } from '../store/store';

const COLUMNS = [
  { header: '序号', width: 6 },
  { header: '编号', width: 9 },
  { header: '仗', width: 11 },
  { header: '工作内容', width: 18 },
  { header: '工作任务', width: 44 },
  { header: '牵头单位', width: 15 },
  { header: '配合单位', width: 20 },
  { header: '责任人', width: 11 },
  { header: '完成时限', width: 13 },
  { header: '进度', width: 7 },
  { header: '状态', width: 8 },
  { header: '预警', width: 7 },
  { header: '最新进展', width: 34 },
  { header: '销号日期', width: 13 },
] as const;

/** Each task's latest line (by period, then by reporting date), with the date it was reported. */
function latestProgress(store: Store): Map<string, { key: string; text: string; reportedOn: string }> {
  const out = new Map<string, { key: string; text: string; reportedOn: string }>();
  const rows = store.sqlite.prepare('SELECT task_id AS taskId, period, text, reported_on AS reportedOn FROM progress WHERE deleted = 0').all() as {
    taskId: string;
    period: string;
    text: string;
    reportedOn: string;
  }[];
  for (const r of rows) {
    const key = `${periodKey(r.period)}|${r.reportedOn}`;
    const had = out.get(r.taskId);
    if (!had || key > had.key) out.set(r.taskId, { key, text: r.text, reportedOn: r.reportedOn });
  }
  return out;
}

/** Width of a text in Excel's column units (a CJK character is two). */
const units = (text: string) => [...text].reduce((n, ch) => n + (/[\x20-\x7e]/.test(ch) ? 1.1 : 2.1), 0);

/** The height a row needs for its wrapped cells to show whole: lines × 11-point line, at least one line. */
export function rowHeight(cells: readonly string[], widths: readonly number[]): number {
  const lines = Math.max(
    1,
    ...cells.map((text, i) => text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(units(line) / Math.max(1, widths[i]! - 1.5))), 0)),
  );
  return Math.ceil(lines * 15 + 4);
}

export async function exportLedgerXlsx(store: Store, settings: Settings, filter: TaskFilter): Promise<{ bytes: Buffer; count: number; fileName: string }> {
  const plan = planInfo(store);
  // In listTasks' order, the table's on screen: by code alone would move tasks the document places otherwise.
  const tasks = filterTasks(listTasks(store, settings, {}, plan), filter);
  const latest = latestProgress(store);
  const closedOn = new Map(
    (store.sqlite.prepare("SELECT task_id AS taskId, max(decided_on) AS d FROM closeouts WHERE deleted = 0 AND state = 'approved' GROUP BY task_id").all() as {
      taskId: string;
      d: string;
    }[]).map((r) => [r.taskId, r.d]),
  );

  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = '专班台账';
  // A3 landscape, one page wide: the fourteen columns print at about 90 %, the header row on every page, and
  // 第N页 共M页 at the foot.
  const ws = wb.addWorksheet('任务分解表', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: {
      // A3 (8): not among exceljs's named sizes, but the number Excel and WPS read.
      paperSize: 8 as unknown as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页  共 &N 页', evenFooter: '&C第 &P 页  共 &N 页' },
  });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const title = ws.getCell(1, 1);
  title.value = `${plan.title}任务分解表（截至${chineseDate(settings.asOf)}）`;
  title.font = { name: '黑体', size: 16, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  const header = ws.getRow(2);
  header.values = COLUMNS.map((c) => c.header);
  header.font = { name: '黑体', size: 11, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 22;
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };

  const widths = COLUMNS.map((c) => c.width);
  tasks.forEach((t, i) => {
    const p = latest.get(t.id);
    const values = [
      String(i + 1),
      t.code,
      t.battleName,
      t.group || t.section,
      t.content && t.content !== t.title ? `${t.title}\n${t.content}` : t.title,
      t.leadUnits.join('、'),
      t.coUnits.join('、'),
      [t.leadPerson, t.handler].filter(Boolean).join('\n'),
      t.dueDate ? chineseDate(t.dueDate) : '年底前',
      t.percent === null ? '' : `${t.percent}%`,
      taskStatusLabel[t.status],
      lightLabel[t.light],
      // The percent has its own column: the line is its date and its words.
      p ? `${p.reportedOn ? `${shortChineseDate(p.reportedOn)}：` : ''}${p.text}` : '',
      closedOn.get(t.id) && t.status === 'closed' ? chineseDate(closedOn.get(t.id)!) : '',
    ];
    const row = ws.addRow([i + 1, ...values.slice(1)]);
    row.font = { name: '仿宋_GB2312', size: 11 };
    row.alignment = { vertical: 'top', wrapText: true };
    // Excel does not grow a row for wrapped text it did not lay out itself: the height is set from the text.
    row.height = rowHeight(values, widths);
  });
  for (let r = 2; r <= ws.rowCount; r++) for (let c = 1; c <= COLUMNS.length; c++) ws.getCell(r, c).border = border;
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = settings.asOf.replaceAll('-', '');
  return { bytes, count: tasks.length, fileName: `任务分解表_${stamp}.xlsx` };
}
