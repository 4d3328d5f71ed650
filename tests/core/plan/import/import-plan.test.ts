// The importer on a plan written for these tests: another city, another year, three battles, other units,
// and the quirks of real documents (half-width numbering, page numbers, heading clauses, 牵头单位：…).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { importPlanText } from '../../../../electron/core/plan/import/import-plan';
import { readPlanDocument } from '../../../../electron/core/plan/import/read-document';
import { AppError } from '../../../../shared/errors';

const fixtures = join(import.meta.dirname, '../../../fixtures/plans');
const text = readFileSync(join(fixtures, 'yunjiang-2024.txt'), 'utf8');
const directory = [{ name: '市卫健委', aliases: ['市卫生健康委'], kind: 'unit' as const }];

describe('importPlanText on another city’s plan', () => {
  const { draft, problems, newUnits } = importPlanText(text, directory);

  it('reads the notice: number with 六角括号, issuer, date, title', () => {
    expect(draft.plan).toMatchObject({ docNo: '云政发〔2024〕12号', issuer: '云江市人民政府', issuedOn: '2024-02-08', year: 2024 });
    expect(draft.plan.title).toBe('云江市打好高质量发展“三仗”实施方案');
  });

  it('finds as many battles as the plan has, with offices, conveners and members', () => {
    expect(draft.battles.map((b) => [b.name, b.office])).toEqual([
      ['打好产业升级攻坚仗', '市工信局'],
      ['打好乡村振兴持久仗', '市农业农村局'],
      ['打好生态保护阻击仗', '市生态环境局'],
    ]);
    expect(draft.battles[0]!.conveners).toBe('市长任第一召集人，分管副市长任召集人，市工信局主要负责人任副召集人');
    // Member lists split over sentences, and an alias resolved to the directory's name.
    expect(draft.battles[1]!.memberUnits).toEqual(['市农业农村局', '市自然资源局', '市商务局', '市卫健委', '各区县']);
    expect(draft.battles[2]!.memberUnits).toEqual(['市生态环境局', '市住建局', '市水利局', '市城管局']);
  });

  it('keeps the numbering: sections, items, and a section without items that is a task itself', () => {
    expect(draft.tasks.map((t) => t.code)).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.2.2', '2.1.1', '2.1.2', '2.2', '3.1.1', '3.2.1', '1.表.1', '1.表.2', '1.表.3']);
    expect(draft.sections.map((s) => s.title)).toEqual([
      '壮大主导产业',
      '优化产业园区',
      '稳定粮食生产',
      '发展乡村产业',
      '治理大气污染',
      '保护江河水质',
      '云江市打好产业升级攻坚仗任务分解表',
    ]);
  });

  it('reads every form of responsibility clause', () => {
    const t = (code: string) => draft.tasks.find((x) => x.code === code)!;
    expect(t('1.1.1')).toMatchObject({ leadUnits: ['市工信局'], coUnits: ['市发改局', '市商务局'], leadByOrder: false });
    // No 牵头 in the clause, but the annex's table names the lead for 发展数字经济.
    expect(t('1.1.2')).toMatchObject({ leadUnits: ['市数据局'], coUnits: ['市工信局'], leadByOrder: false });
    // No 牵头 and no table row: the unit named first leads.
    expect(t('2.1.1')).toMatchObject({ leadUnits: ['市农业农村局'], coUnits: ['市自然资源局'], leadByOrder: true });
    expect(t('1.2.1').leadUnits).toEqual(['云江高新区管委会']);
    expect(t('1.2.2').leadUnits).toEqual(['市营商办', '云江高新区管委会']);
    // No clause of its own: the section heading's "（市农业农村局牵头）" assigns it.
    expect(t('2.1.2').leadUnits).toEqual(['市农业农村局']);
    expect(t('3.2.1').coUnits).toEqual(['市水利局', '市卫健委']);
  });

  it('extracts targets with their units and comparisons', () => {
    const t = (code: string) => draft.tasks.find((x) => x.code === code)!;
    expect(t('1.1.1').targets).toEqual([expect.objectContaining({ name: '装备制造产值', value: 200, unit: '亿元', kind: 'absolute' })]);
    expect(t('1.1.2').targets).toEqual([expect.objectContaining({ value: 120, unit: '家', comparison: 'gte' })]);
    expect(t('1.2.1').targets).toEqual([expect.objectContaining({ value: 50, unit: '万平方米' })]);
    expect(draft.battles[1]!.targets).toContainEqual(expect.objectContaining({ name: '粮食播种面积', value: 60, unit: '万亩', comparison: 'gte' }));
    expect(draft.battles[1]!.targets).toContainEqual(expect.objectContaining({ value: 7.5, unit: '%', comparison: 'about', kind: 'growth' }));
  });

  it('reports units it does not know instead of guessing', () => {
    expect(newUnits).toContain('市数据局');
    expect(newUnits).not.toContain('市卫健委');
    expect(problems.filter((p) => !p.startsWith('新单位'))).toEqual([]);
    expect(draft.units.find((u) => u.name === '各区县')?.kind).toBe('group');
  });
});

describe('the task table of an annex', () => {
  const { draft } = importPlanText(text, directory);
  const row = (n: number) => draft.tasks.find((t) => t.code === `1.表.${n}`)!;

  it('reads rows with their merged-cell labels, lead and cooperating units', () => {
    expect(row(1)).toMatchObject({ group: '壮大主导产业', title: '做强装备制造', leadUnits: ['市工信局'], coUnits: ['市发改局'] });
    // 工作内容 merged over rows 1–2; units on the same line as the text.
    expect(row(2)).toMatchObject({ group: '壮大主导产业', title: '发展数字经济', leadUnits: ['市数据局'], coUnits: ['市工信局'] });
    // A unit name broken over two lines.
    expect(row(3)).toMatchObject({ group: '优化产业园区', title: '推进园区扩容', leadUnits: ['云江高新区管委会'] });
    expect(row(3).targets).toEqual([expect.objectContaining({ value: 50, unit: '万平方米' })]);
  });

  it('reads the same rows from a real Word table', async () => {
    const cell = (t: string) => new TableCell({ children: t.split('\n').map((l) => new Paragraph(l)) });
    const before = text.slice(0, text.indexOf('序号 工作内容'));
    const after = text.slice(text.indexOf('附件 2'));
    const table = new Table({
      rows: [
        ['序号', '工作内容', '工作任务', '牵头单位', '配合单位'],
        ['1', '壮大主导产业', '做强装备制造', '支持龙头企业扩能改造，装备制造产值突破 200 亿元。', '市工信局', '市发改局'],
        ['2', '', '发展数字经济', '新增上云企业 120 家以上。', '市数据局', '市工信局'],
        ['3', '优化产业园区', '推进园区扩容', '新增标准厂房 50 万平方米。', '云江高新区管委会', ''],
      ].map((cells) => new TableRow({ children: cells.map(cell) })),
    });
    const para = (block: string) => block.split('\n').map((l) => new Paragraph(l));
    const doc = new Document({ sections: [{ children: [...para(before), table, ...para(after)] }] });
    const fromWord = importPlanText(await readPlanDocument(await Packer.toBuffer(doc), '方案.docx'), directory).draft;
    const rows = fromWord.tasks.filter((t) => t.code.startsWith('1.表.'));
    expect(rows.map((t) => [t.group, t.title, t.leadUnits, t.coUnits])).toEqual([
      ['壮大主导产业', '做强装备制造', ['市工信局'], ['市发改局']],
      ['壮大主导产业', '发展数字经济', ['市数据局'], ['市工信局']],
      ['优化产业园区', '推进园区扩容', ['云江高新区管委会'], []],
    ]);
  });
});

describe('readPlanDocument', () => {
  it('reads GBK text as Windows tools save it', async () => {
    const gbk = readFileSync(join(fixtures, 'yunjiang-2024.gbk.txt'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    expect(await readPlanDocument(gbk, 'plan.txt')).toBe(text);
  });

  it('reads a .docx to the same draft as its text', async () => {
    const doc = new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph(l)) }] });
    const bytes = await Packer.toBuffer(doc);
    const fromDocx = importPlanText(await readPlanDocument(bytes, '方案.docx'), directory).draft;
    expect(fromDocx).toEqual(importPlanText(text, directory).draft);
  });

  it('refuses what it cannot read with a Chinese message', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [new Uint8Array(0), 'a.txt', /空的/],
      [Buffer.from('PK not really a zip'), 'a.docx', /无法读取 Word 文件/],
      [Buffer.from('%PDF-1.7'), 'a.pdf', /无法读取 PDF/],
      [Buffer.from('x'), 'a.xlsx', /不是 Excel/],
      [Buffer.from('x'), 'a.rtf', /只能导入/],
      [Buffer.from('x'), '旧方案.doc', /另存为 \.docx/],
    ];
    for (const [bytes, name, message] of cases) {
      await expect(readPlanDocument(bytes, name)).rejects.toSatisfy((e: unknown) => e instanceof AppError && message.test(e.message));
    }
  });
});
