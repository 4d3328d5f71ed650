// Regenerates seeds/plan-2023.json from the plan's text (../shared/source/). A development tool: the seed
// file is committed, and tests check it against the source, so a parser change shows up as a seed diff.
//   npx tsx scripts/build-seed.ts [SOURCE.txt] [OUT.json]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTaskSections } from '../electron/core/plan/annex-parser';
import { extractTargets } from '../electron/core/plan/targets-extract';
import type { PlanSeed } from '../electron/core/plan/seed-format';
import { planSeedSchema } from '../electron/core/plan/seed-format';

const sourceDir = resolve('../shared/source');
const source = process.argv[2] ?? join(sourceDir, readdirSync(sourceDir).find((f) => f.endsWith('.txt'))!);
const out = process.argv[3] ?? 'seeds/plan-2023.json';
const lines = readFileSync(source, 'utf8').split(/\r?\n/);

function between(from: RegExp, to: RegExp, start = 0): string[] {
  const a = lines.findIndex((l, i) => i >= start && from.test(l.trim()));
  if (a < 0) throw new Error(`not found: ${from}`);
  const b = lines.findIndex((l, i) => i > a && to.test(l.trim()));
  if (b < 0) throw new Error(`not found after ${from}: ${to}`);
  return lines.slice(a + 1, b);
}

const battleFacts = [
  { code: 1, name: '打好经济增长主动仗', shortName: '经济增长', office: '市发改局' },
  { code: 2, name: '打好科技创新攻坚仗', shortName: '科技创新', office: '市科工信局' },
  { code: 3, name: '打好优化发展环境持久仗', shortName: '优化发展环境', office: '市优化营商办' },
  { code: 4, name: '打好防范化解风险阻击仗', shortName: '防范化解风险', office: '市财政局' },
  { code: 5, name: '打好安全生产翻身仗', shortName: '安全生产', office: '市应急管理局' },
  { code: 6, name: '打好重点民生保障仗', shortName: '重点民生保障', office: '市人社局' },
];

const goals = parseTaskSections(between(/^二、主要目标$/, /^三、重点任务$/));
if (goals.length !== 6) throw new Error(`expected 6 headline goals, found ${goals.length}`);

const annex1Start = lines.findIndex((l) => /^附件\s*1$/.test(l.trim()));
const annex1 = parseTaskSections(between(/^二、工作任务$/, /^三、推进机制$/, annex1Start));

const sections: PlanSeed['sections'] = [];
const tasks: PlanSeed['tasks'] = [];
for (const s of annex1) {
  const sectionCode = `1.${s.number}`;
  sections.push({ battle: 1, code: sectionCode, title: s.title, content: s.content, targets: s.targets });
  for (const item of s.items) {
    tasks.push({
      code: `${sectionCode}.${item.number}`,
      battle: 1,
      section: sectionCode,
      title: item.title,
      content: item.content,
      listType: 'work',
      leadUnits: item.leadUnits,
      coUnits: item.coUnits,
      targets: item.targets,
    });
  }
}

const unitNames = new Set<string>(battleFacts.map((b) => b.office));
for (const t of tasks) for (const u of [...t.leadUnits, ...t.coUnits]) unitNames.add(u);

const seed: PlanSeed = {
  format: 'zhuanban-plan-seed',
  version: 1,
  plan: {
    code: 'jishou-2023-liuzhang',
    title: '吉首市打好发展“六仗”总体实施方案',
    docNo: '吉政发〔2023〕3号',
    issuer: '吉首市人民政府',
    issuedOn: '2023-03-16',
    year: 2023,
  },
  battles: battleFacts.map((b, i) => ({ ...b, goals: goals[i]!.content, targets: extractTargets(goals[i]!.content) })),
  units: [...unitNames].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((name) => ({ name, aliases: [] })),
  sections,
  tasks,
};

writeFileSync(out, `${JSON.stringify(planSeedSchema.parse(seed), null, 1)}\n`);
console.log(`${out}: ${seed.battles.length} battles, ${sections.length} sections, ${tasks.length} tasks, ${seed.units.length} units`);
