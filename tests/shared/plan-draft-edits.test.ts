import { describe, expect, it } from 'vitest';
import { dropTask, mergeWithPrevious, setPlanField, splitTask, taskFromLine, updateTask } from '../../shared/plan-draft-edits';
import { planSeedSchema, type PlanSeed } from '../../shared/plan-seed';

const task = (n: number, extra: Partial<PlanSeed['tasks'][number]> = {}): PlanSeed['tasks'][number] => ({
  code: `1.1.${n}`,
  battle: 1,
  section: '1.1',
  group: '',
  title: `任务${n}`,
  content: `任务${n}的内容。第二句。`,
  listType: 'work',
  leadUnits: ['县发改局'],
  coUnits: [],
  clause: '',
  leadByOrder: true,
  targets: [],
  dueDate: '2024-06-30',
  ...extra,
});

const seed: PlanSeed = {
  format: 'zhuanban-plan-seed',
  version: 1,
  plan: { code: '某县方案', title: '某县方案', docNo: '', issuer: '', issuedOn: '2024-01-02', year: 2024 },
  battles: [{ code: 1, name: '重点任务', shortName: '重点任务', office: '', goals: '', annexTitle: '', annexGoals: '', conveners: '', memberUnits: [], targets: [] }],
  units: [{ name: '县发改局', aliases: [], kind: 'unit' }],
  sections: [{ battle: 1, code: '1.1', title: '稳增长', content: '', targets: [] }],
  tasks: [task(1), task(2, { leadUnits: ['县财政局'], dueDate: '2024-12-31' })],
};

describe('editing a plan draft', () => {
  it('a lead typed by a person joins the directory and settles the lead; the input is never changed', () => {
    const next = updateTask(seed, '1.1.1', { leadUnits: ['县住建局'], coUnits: ['县住建局', '县发改局'] });
    expect(next.tasks[0]).toMatchObject({ leadUnits: ['县住建局'], coUnits: ['县发改局'], leadByOrder: false });
    expect(next.units.map((u) => u.name)).toContain('县住建局');
    expect(seed.tasks[0]!.leadUnits).toEqual(['县发改局']);
    expect(planSeedSchema.safeParse(next).success).toBe(true);
  });

  it('merges a row into the one above: text, units, the later due date; drops and splits rows', () => {
    const merged = mergeWithPrevious(seed, '1.1.2');
    expect(merged.tasks).toHaveLength(1);
    expect(merged.tasks[0]).toMatchObject({ leadUnits: ['县发改局', '县财政局'], dueDate: '2024-12-31' });
    expect(merged.tasks[0]!.content).toContain('任务2的内容');
    expect(dropTask(seed, '1.1.1').tasks.map((t) => t.code)).toEqual(['1.1.2']);
    const split = splitTask(seed, '1.1.1', '任务1的内容。'.length);
    expect(split.tasks.map((t) => [t.code, t.content])).toEqual([
      ['1.1.1', '任务1的内容。'],
      ['1.1.3', '第二句。'],
      ['1.1.2', '任务2的内容。第二句。'],
    ]);
    expect(new Set(split.tasks.map((t) => t.code)).size).toBe(3);
  });

  it('an unplaced line becomes a task of the chosen section, numbered after its last; a number gives the plan its code', () => {
    const next = taskFromLine(seed, '（三）加快老旧小区改造。年底前完成。', '1.1', 42);
    expect(next.tasks.at(-1)).toMatchObject({ code: '1.1.3', title: '加快老旧小区改造', sourceLine: 42, leadUnits: [] });
    // A draft where nothing was placed: the first line made a task brings its group with it.
    const empty = { ...seed, battles: [], sections: [], tasks: [] };
    const first = taskFromLine(empty, '1. 抓好春耕备耕', '');
    expect(first.tasks).toMatchObject([{ code: '1.1.1', section: '1.1', battle: 1, title: '抓好春耕备耕' }]);
    expect(first.sections).toHaveLength(1);
    expect(setPlanField(seed, { docNo: '某政发〔2024〕3号' }).plan.code).toBe('某政发〔2024〕3号');
    expect(setPlanField(seed, { title: '改名' }).plan.code).toBe('改名（2024-01-02）');
  });
});
