// One real plan as a web page's text, a Word file with a real table, and a PDF: the reader finds the same
// tasks, leads and deadlines in each, measured against the hand-counted truth of the text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../../../../electron/core/plan/import/read-document';
import { readPlan } from '../../../../electron/core/plan/import/generic/read-plan';
import { AppError } from '../../../../shared/errors';

const dir = join(import.meta.dirname, '../../../fixtures/plans');
const truth = JSON.parse(readFileSync(join(dir, 'real/03-xuzhuang-anquanshengchan-2017.truth.json'), 'utf8')) as { tasks: { match: string; lead: string; due: string }[] };

async function tasksOf(file: string) {
  const text = await readPlanDocument(readFileSync(join(dir, file)), file);
  return readPlan(text).tasks.map((t) => ({ text: t.text.replace(/\s/g, ''), lead: t.lead[0], due: t.deadline.due }));
}

describe('a plan as .txt, .docx and .pdf', () => {
  it.each(['real/03-xuzhuang-anquanshengchan-2017.txt', 'converted/03-xuzhuang.docx', 'converted/03-xuzhuang.pdf'])('%s: every task, lead and deadline of the truth', async (file) => {
    const tasks = await tasksOf(file);
    expect(tasks).toHaveLength(truth.tasks.length);
    for (const t of truth.tasks) {
      const hit = tasks.find((x) => x.text.includes(t.match.replace(/\s/g, '').replace(/\(/g, '(')));
      expect(hit, t.match).toMatchObject({ lead: t.lead, due: t.due });
    }
  });

  it('old formats and files without text get a clear message, not a guess', async () => {
    await expect(readPlanDocument(Buffer.from('not really'), '方案.doc')).rejects.toThrow(/另存为 \.docx/);
    await expect(readPlanDocument(Buffer.from('not really'), '方案.wps')).rejects.toThrow(/另存为 \.docx/);
    const notPdf = readPlanDocument(Buffer.from('%PDX garbage'), '方案.pdf');
    await expect(notPdf).rejects.toBeInstanceOf(AppError);
    await expect(readPlanDocument(Buffer.from('%PDF-1.4\n%%EOF'), '坏.pdf')).rejects.toThrow(/无法读取 PDF|没有文字/);
  });
});
