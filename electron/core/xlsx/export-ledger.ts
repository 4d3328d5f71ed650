// The ledger (or any filtered view of it) as .xlsx in the 任务分解表 layout the offices already keep:
// 序号, 工作内容, 工作任务, 牵头单位, 配合单位, then what the ledger adds (时限, 状态, 预警, 最新进展, 销号日期).
import type ExcelJS from 'exceljs';
import { loadExcelJS } from './load-exceljs';
import { lightLabel, taskStatusLabel } from '../../../shared/labels';
import { chineseDate } from '../../../shared/period';
import { filterTasks, type TaskFilter } from '../../../shared/task-filter';
import type { Settings } from '../../../shared/workflow';
import { listTasks, planInfo } from '../ledger/queries';
import { periodKey } from '../ledger/task-facts';
import type { Store } from '../store/open-store';

const COLUMNS = [
  { header: '序号', width: 7 },
  { header: '仗', width: 12 },
  { header: '工作内容', width: 22 },
  { header: '工作任务', width: 48 },
  { header: '牵头单位', width: 16 },
  { header: '配合单位', width: 22 },
  { header: '完成时限', width: 14 },
  { header: '状态', width: 9 },
  { header: '预警', width: 8 },
  { header: '最新进展', width: 36 },
  { header: '销号日期', width: 14 },
] as const;

function latestProgress(store: Store): Map<string, { key: string; text: string; percent: number }> {
  const out = new Map<string, { key: string; text: string; percent: number }>();
  const rows = store.sqlite.prepare('SELECT task_id AS taskId, period, percent, text FROM progress WHERE deleted = 0').all() as {
    taskId: string;
    period: string;
    percent: number;
    text: string;
  }[];
  for (const r of rows) {
    const key = periodKey(r.period);
    const had = out.get(r.taskId);
    if (!had || key > had.key) out.set(r.taskId, { key, text: r.text, percent: r.percent });
  }
  return out;
}

export async function exportLedgerXlsx(store: Store, settings: Settings, filter: TaskFilter): Promise<{ bytes: Buffer; count: number; fileName: string }> {
  const plan = planInfo(store);
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
  const ws = wb.addWorksheet('任务分解表', {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
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

  tasks.forEach((t, i) => {
    const p = latest.get(t.id);
    const row = ws.addRow([
      i + 1,
      t.battleName,
      t.group || t.section,
      t.content && t.content !== t.title ? `${t.title}\n${t.content}` : t.title,
      t.leadUnits.join('、'),
      t.coUnits.join('、'),
      t.dueDate ? chineseDate(t.dueDate) : '年底前',
      taskStatusLabel[t.status],
      lightLabel[t.light],
      p ? `${p.text}（${p.percent}%）` : '',
      closedOn.get(t.id) && t.status === 'closed' ? chineseDate(closedOn.get(t.id)!) : '',
    ]);
    row.font = { name: '仿宋_GB2312', size: 11 };
    row.alignment = { vertical: 'top', wrapText: true };
  });
  for (let r = 2; r <= ws.rowCount; r++) for (let c = 1; c <= COLUMNS.length; c++) ws.getCell(r, c).border = border;
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: COLUMNS.length } };

  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const stamp = settings.asOf.replaceAll('-', '');
  return { bytes, count: tasks.length, fileName: `任务分解表_${stamp}.xlsx` };
}
