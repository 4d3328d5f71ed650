// A 任务分解表 kept in Excel, as offices keep them: a merged title row, 序号/类别/工作任务/牵头单位/配合单位/完成时限,
// a 类别 cell merged down its rows, real date cells and dates typed as text.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../../../../electron/core/plan/import/generic/read-plan';
import { readPlanDocument } from '../../../../electron/core/plan/import/read-document';

describe('a plan as an Excel 任务分解表', () => {
  it('reads title, tasks, leads, co-units, groups and dates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('分解表');
    ws.addRow(['某县2024年重点工作任务分解表']);
    ws.mergeCells('A1:F1');
    ws.addRow(['序号', '类别', '工作任务', '牵头单位', '配合单位', '完成时限']);
    ws.addRow([1, '产业发展', '建设食品产业园一期', '县发改局', '县财政局', new Date('2024-06-30')]);
    ws.addRow([2, '', '新增规上企业10家', '县工信局', '', '2024.9.30']);
    ws.addRow([3, '民生保障', '改造老旧小区5个', '县住建局', '各乡镇（街道）', '年底前']);
    const text = await readPlanDocument(Buffer.from(await wb.xlsx.writeBuffer()), '分解表.xlsx');
    const r = readPlan(text);
    expect(r.header).toMatchObject({ title: '某县2024年重点工作任务分解表', year: 2024 });
    expect(r.tasks.map((t) => [t.title, t.lead, t.co, t.deadline.due, t.path.at(-1)])).toEqual([
      ['建设食品产业园一期', ['县发改局'], ['县财政局'], '2024-06-30', '产业发展'],
      ['新增规上企业10家', ['县工信局'], [], '2024-09-30', '产业发展'],
      ['改造老旧小区5个', ['县住建局'], ['各乡镇（街道）'], '2024-12-31', '民生保障'],
    ]);
  });
});
