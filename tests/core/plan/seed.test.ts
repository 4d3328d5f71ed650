// The seeded plan is checked against the document itself: nothing in the seed may be made up, and the
// committed seed must be exactly what the importer makes of the document plus the committed corrections.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../../electron/core/plan/build-seed';
import { loadSeedFile } from '../../../electron/core/plan/load-seed';
import { seedEvents } from '../../../electron/core/plan/seed-events';
import { squash } from '../../../electron/core/plan/import/text-lines';
import { resourcePaths } from '../../../electron/core/paths';
import { sourceText, squashedSource } from '../../helpers/source-text';

const seed = loadSeedFile(resourcePaths().seedFile);
const source = squashedSource();

describe('seeds/plan-2023.json', () => {
  it('is exactly the importer’s draft of the document plus the committed corrections', () => {
    const built = buildSeed(sourceText(), join(resourcePaths().root, 'seeds'));
    expect(built.problems).toEqual([]);
    expect(built.seed).toEqual(seed);
  });

  it('carries the plan’s metadata as issued', () => {
    expect(seed.plan).toMatchObject({
      docNo: '吉政发〔2023〕3号',
      issuer: '吉首市人民政府',
      issuedOn: '2023-03-16',
      year: 2023,
      title: '吉首市打好发展“六仗”总体实施方案',
    });
  });

  it('has the six battles with their offices, conveners and member units as written', () => {
    expect(seed.battles.map((b) => [b.code, b.name, b.office])).toEqual([
      [1, '打好经济增长主动仗', '市发改局'],
      [2, '打好科技创新攻坚仗', '市科工信局'],
      [3, '打好优化发展环境持久仗', '市优化营商办'],
      [4, '打好防范化解风险阻击仗', '市财政局'],
      [5, '打好安全生产翻身仗', '市应急管理局'],
      [6, '打好重点民生保障仗', '市人社局'],
    ]);
    // Member units as the annexes list them (annex 5 names two collective groups).
    expect(seed.battles.map((b) => b.memberUnits.length)).toEqual([30, 19, 19, 34, 2, 23]);
    expect(seed.battles[0]!.conveners).toBe('市人民政府市长任第一召集人，分管副市长、政府办主任任召集人，市发改局主要负责人任副召集人');
    for (const b of seed.battles) {
      expect(b.conveners).toMatch(/召集人/);
      for (const text of [b.name, b.goals, b.annexGoals, b.conveners, b.annexTitle]) expect(source).toContain(squash(text));
    }
  });

  it('has every task of every annex, counted per battle, with its text verbatim from the document', () => {
    // Counted in the document: annex 1 sections of 5+7+2+6+3+5 items; annex 2 of 3+5+4 items plus
    // section （三）, which has no items and is a task itself; annex 3 of 7+11+5+4+7; annex 4 of 5+8+5+11+9;
    // annex 5 of 3+15+5; annex 6 of 10+4+15.
    const fromText = seed.battles.map((b) => seed.tasks.filter((t) => t.battle === b.code && !t.code.includes('表')).length);
    expect(fromText).toEqual([28, 13, 34, 38, 23, 29]);
    // The task tables: annex 2's 任务分解表 has rows 1–32, which break its items down (each row a sub-task of
    // the item of the same 工作任务, where the text has one). Annex 6's 州定民生实事 table lists the same 15
    // things as its section （三）, in the same order: its rows are those items, not 15 more tasks.
    const tableRows = (b: number) => seed.tasks.filter((t) => t.code.startsWith(`${b}.表.`)).map((t) => Number(t.code.split('.')[2]));
    expect(tableRows(2)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect(tableRows(6)).toEqual([]);
    expect(seed.tasks).toHaveLength(165 + 32);
    const parents = seed.tasks.filter((t) => t.code.startsWith('2.表.')).map((t) => t.parent ?? '');
    expect(parents.filter(Boolean)).toHaveLength(32);
    expect(seed.tasks.find((t) => t.code === '2.表.1')!.parent).toBe('2.1.1');
    // Rows whose 工作内容 names the item without its leading verb (创新平台建设攻坚行动 → 2.3 实施创新平台建设攻坚行动).
    expect(seed.tasks.find((t) => t.code === '2.表.22')!.parent).toBe('2.3');
    // 6.3.8 残疾人托养服务 carries what its table row 8 says, once.
    const sixEight = seed.tasks.find((t) => t.code === '6.3.8')!;
    expect(sixEight.content).toMatch(/第8行/);
    expect(seed.tasks.filter((t) => t.title.includes('残疾人托养服务'))).toHaveLength(1);
    for (const t of seed.tasks) {
      // A table row may hold several blocks of text, each followed by its units in the document.
      // A restating table's row is kept in its item's text as "（table第N行：…）"; its words are the document's.
      for (const block of t.content.split('\n')) expect(source, `task ${t.code}`).toContain(squash(block.replace(/^（[^：]*第\d+行：|）$/g, '')));
      if (!t.code.includes('表')) expect(t.content.startsWith(t.title), `title of ${t.code}`).toBe(true);
      else expect(source, `title of ${t.code}`).toContain(squash(t.title));
    }
    for (const s of seed.sections) expect(source, `section ${s.code}`).toContain(squash(s.content));
  });

  it('numbers tasks after the document, uniquely within the plan', () => {
    const codes = seed.tasks.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of seed.tasks) expect(t.code).toMatch(new RegExp(`^${t.battle}\\.(\\d+(\\.\\d+)?|表\\.\\d+)$`));
    // Within a section, items run 1, 2, 3 … without gaps.
    for (const s of seed.sections.filter((x) => !x.code.includes('表'))) {
      const items = seed.tasks.filter((t) => t.section === s.code && t.code !== s.code).map((t) => Number(t.code.split('.')[2]));
      expect(items, s.code).toEqual(items.map((_, i) => i + 1));
    }
    expect(seed.tasks.find((t) => t.code === '1.3.2')?.title).toBe('推动外贸扩规提质');
    expect(seed.tasks.find((t) => t.code === '2.3')?.title).toBe('实施创新平台建设攻坚行动');
  });

  it('assigns lead and cooperating units as the clauses do, resolved to one name per unit', () => {
    const byCode = (c: string) => seed.tasks.find((t) => t.code === c)!;
    expect(byCode('1.1.1')).toMatchObject({ leadUnits: ['市商务局'], coUnits: ['市发改局', '市交通运输局'], leadByOrder: false });
    expect(byCode('6.1.2').leadUnits).toEqual(['市行政审批服务局', '市大数据中心']);
    expect(byCode('4.1.1')).toMatchObject({ leadUnits: ['市财政局'], leadByOrder: true });
    expect(byCode('3.1.1').coUnits).toContain('具有行政审批职能的市直有关单位');
    // Table rows: lead column first; a content cell merged over rows 1–2 gives each row its own units.
    expect(byCode('2.表.1')).toMatchObject({ group: '关键核心技术攻坚行动', title: '现代农业领域', leadUnits: ['市科工信局'], coUnits: ['市农业农村局'] });
    expect(byCode('2.表.2')).toMatchObject({ title: '现代农业领域', leadUnits: ['市科工信局'], coUnits: ['市林业局', '市乡村振兴局'] });
    expect(byCode('2.表.23')).toMatchObject({ group: '创新平台建设攻坚行动', title: '创新平台运行模式' });
    // The text's clause for 现代农业领域 lists 市农业农村局 first without 牵头; the annex's table names the lead.
    expect(byCode('2.1.1')).toMatchObject({ leadUnits: ['市科工信局'], leadByOrder: false });
    expect(byCode('2.1.1').coUnits).toEqual(expect.arrayContaining(['市农业农村局', '市林业局', '市乡村振兴局']));
    // The 州定民生实事 table names more units than the item's clause: they join the item, once.
    expect(byCode('6.3.10').leadUnits.concat(byCode('6.3.10').coUnits)).toEqual(expect.arrayContaining(['市应急管理局', '市林业局', '市消防救援大队']));
    expect(byCode('6.3.3').leadUnits.concat(byCode('6.3.3').coUnits)).toEqual(expect.arrayContaining(['市住建局', '市住保中心', '市市场监管局']));
    // 市卫生健康局 in the document is 市卫健局 in the ledger.
    expect(byCode('4.4.1').leadUnits.concat(byCode('4.4.1').coUnits)).not.toContain('市卫生健康局');

    const names = new Map<string, number>();
    for (const u of seed.units) for (const n of [u.name, ...u.aliases]) names.set(n, (names.get(n) ?? 0) + 1);
    expect([...names.values()].every((n) => n === 1)).toBe(true);
    const canonical = new Set(seed.units.map((u) => u.name));
    for (const t of seed.tasks) {
      expect(t.leadUnits.length, `lead of ${t.code}`).toBeGreaterThan(0);
      expect(source).toContain(squash(t.clause));
      for (const u of [...t.leadUnits, ...t.coUnits]) expect(canonical.has(u), `${u} in ${t.code}`).toBe(true);
    }
    for (const b of seed.battles) for (const u of [...b.memberUnits, b.office]) expect(canonical.has(u), u).toBe(true);
  });

  it('extracts quantified targets whose numbers stand in the text they came from', () => {
    const t = seed.tasks.find((x) => x.code === '1.1.1')!;
    expect(t.targets).toContainEqual(expect.objectContaining({ name: '社会消费品零售总额', value: 132, unit: '亿元', kind: 'absolute' }));
    expect(t.targets).toContainEqual(expect.objectContaining({ value: 10, unit: '次', comparison: 'gte' }));
    expect(seed.tasks.find((x) => x.code === '6.3.2')!.targets).toContainEqual(expect.objectContaining({ value: 3200, unit: '户' }));
    // The table's 3200户 is the item's own figure: not counted a second time.
    expect(seed.tasks.find((x) => x.code === '6.3.2')!.targets.filter((x) => x.value === 3200)).toHaveLength(1);
    const gdp = seed.battles[0]!.targets.find((x) => x.name === '地区生产总值');
    expect(gdp).toMatchObject({ value: 8, unit: '%', kind: 'growth' });
    // "分别" splits into the pair it names, in order; "均" names what came before it; "亿" alone is 亿元.
    const headline = (b: number) => seed.battles[b - 1]!.targets.map((x) => `${x.name}=${x.value}${x.unit}`);
    expect(headline(1)).toEqual(
      expect.arrayContaining(['城镇居民人均可支配收入=9%', '农村居民人均可支配收入=10%', '金融机构存款余额=11%', '金融机构贷款余额=13%', '接待游客、旅游总收入=20%']),
    );
    expect(headline(2)).toContain('全社会研发经费投入=1.5亿元');
    expect(headline(6)).toEqual(['州定民生实事项目=15件']);
    for (const b of seed.battles) for (const x of b.targets) expect(x.name.length, `${x.name} of battle ${b.code}`).toBeGreaterThanOrEqual(2);
    for (const task of seed.tasks) for (const target of task.targets) expect(task.content).toContain(target.text);
    for (const b of seed.battles) for (const target of b.targets) expect(b.goals + b.annexGoals).toContain(target.text);
    // A policy's name is not a target (“稳增长20条”).
    expect(seed.tasks.find((x) => x.code === '1.1.2')!.targets.map((x) => x.value)).not.toContain(20);
  });

  it('turns into the same events, byte for byte, every time', () => {
    const a = seedEvents(seed).map((e) => e.hash);
    const b = seedEvents(JSON.parse(readFileSync(resourcePaths().seedFile, 'utf8'))).map((e) => e.hash);
    expect(a).toEqual(b);
  });
});
