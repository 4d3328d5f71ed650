import { describe, expect, it } from 'vitest';
import { applyCorrections, correctionsSchema } from '../../../electron/core/plan/corrections';
import { importPlanText } from '../../../electron/core/plan/import/import-plan';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const text = readFileSync(join(import.meta.dirname, '../../fixtures/plans/yunjiang-2024.txt'), 'utf8');
const draft = () => importPlanText(text, []).draft;

describe('plan corrections', () => {
  it('changes the named field when it still holds what the correction expects', () => {
    const d = draft();
    const n = applyCorrections(
      d,
      correctionsSchema.parse({
        format: 'zhuanban-plan-corrections',
        version: 1,
        corrections: [{ target: 'task:1.1.2', field: 'coUnits', expect: ['市工信局'], value: ['市工信局', '市发改局'], reason: '表格合并单元格' }],
      }),
    );
    expect(n).toBe(1);
    expect(d.tasks.find((t) => t.code === '1.1.2')!.coUnits).toEqual(['市工信局', '市发改局']);
  });

  it('fails loudly when the importer no longer produces what the correction was written against', () => {
    const stale = correctionsSchema.parse({
      format: 'zhuanban-plan-corrections',
      version: 1,
      corrections: [{ target: 'task:1.1.1', field: 'title', expect: '旧标题', value: '新标题', reason: '页眉残留' }],
    });
    expect(() => applyCorrections(draft(), stale)).toThrow(/expects "旧标题"/);
    const missing = correctionsSchema.parse({ ...stale, corrections: [{ ...stale.corrections[0]!, target: 'task:9.9.9' }] });
    expect(() => applyCorrections(draft(), missing)).toThrow(/no such record/);
  });
});
