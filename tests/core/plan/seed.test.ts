// The seeded plan is checked against the document itself: nothing in the seed may be made up.
import { describe, expect, it } from 'vitest';
import { loadSeedFile } from '../../../electron/core/plan/load-seed';
import { seedEvents } from '../../../electron/core/plan/seed-events';
import { squash } from '../../../electron/core/plan/text-lines';
import { resourcePaths } from '../../../electron/core/paths';
import { sourceText } from '../../helpers/source-text';

const seed = loadSeedFile(resourcePaths().seedFile);
const source = squash(sourceText());

describe('seeds/plan-2023.json', () => {
  it('carries the plan’s metadata as issued', () => {
    expect(seed.plan).toMatchObject({ docNo: '吉政发〔2023〕3号', issuer: '吉首市人民政府', issuedOn: '2023-03-16', year: 2023 });
    expect(source).toContain(squash(seed.plan.docNo));
    expect(source).toContain(seed.plan.title);
  });

  it('has the six battles with the offices where their taskforces sit', () => {
    expect(seed.battles.map((b) => [b.code, b.name, b.office])).toEqual([
      [1, '打好经济增长主动仗', '市发改局'],
      [2, '打好科技创新攻坚仗', '市科工信局'],
      [3, '打好优化发展环境持久仗', '市优化营商办'],
      [4, '打好防范化解风险阻击仗', '市财政局'],
      [5, '打好安全生产翻身仗', '市应急管理局'],
      [6, '打好重点民生保障仗', '市人社局'],
    ]);
    for (const b of seed.battles) {
      expect(source).toContain(b.name);
      expect(source).toContain(squash(b.goals));
    }
  });

  it('has every task of annex 1 with its text found verbatim in the document', () => {
    const annex1 = seed.tasks.filter((t) => t.battle === 1);
    expect(annex1.length).toBeGreaterThanOrEqual(25);
    for (const t of seed.tasks) {
      expect(source, `task ${t.code}`).toContain(squash(t.content));
      expect(t.content.startsWith(t.title)).toBe(true);
    }
  });

  it('numbers tasks after the document: section and item, unique within the plan', () => {
    const codes = seed.tasks.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of seed.tasks) expect(t.code).toMatch(new RegExp(`^${t.battle}\\.\\d+\\.\\d+$`));
    expect(seed.tasks.find((t) => t.code === '1.1.1')?.title).toBe('开展促消费系列活动');
    expect(seed.tasks.find((t) => t.code === '1.2.1')?.title).toBe('加快重大产业项目建设');
  });

  it('assigns lead and cooperating units as the document’s units clause does', () => {
    const t = seed.tasks.find((x) => x.code === '1.1.1')!;
    expect(t.leadUnits).toEqual(['市商务局']);
    expect(t.coUnits).toEqual(['市发改局', '市交通运输局']);
    const names = new Set(seed.units.map((u) => u.name));
    for (const task of seed.tasks) {
      expect(task.leadUnits.length, `lead units of ${task.code}`).toBeGreaterThan(0);
      for (const u of [...task.leadUnits, ...task.coUnits]) {
        expect(names.has(u), u).toBe(true);
        expect(task.content, `${u} in ${task.code}`).toContain(u);
      }
    }
  });

  it('extracts quantified targets whose numbers stand in the task text', () => {
    const t = seed.tasks.find((x) => x.code === '1.1.1')!;
    expect(t.targets).toContainEqual(expect.objectContaining({ value: 132, unit: '亿元', kind: 'absolute' }));
    expect(t.targets).toContainEqual(expect.objectContaining({ value: 10, unit: '次', comparison: 'gte' }));
    for (const task of seed.tasks) {
      for (const target of task.targets) expect(task.content).toContain(target.text);
    }
  });

  it('turns into the same events, byte for byte, every time', () => {
    const a = seedEvents(seed).map((e) => e.hash);
    const b = seedEvents(loadSeedFile(resourcePaths().seedFile)).map((e) => e.hash);
    expect(a).toEqual(b);
  });
});
