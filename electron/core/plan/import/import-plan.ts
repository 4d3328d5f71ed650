// From the text of an implementation-plan document to a draft plan: battles from the main plan's 重点任务
// and the annexes, goals and headline targets, taskforce conveners and members, sections and tasks with
// their units and targets. Everything it could not place is listed in `problems`, in Chinese.
import type { PlanSeed, SeedTarget } from '../seed-format';
import { parseMechanism } from './mechanism';
import { parsePlanMeta } from './plan-meta';
import { parseTaskSections, type ParsedSection } from './sections';
import { extractTargets, type ExtractedTarget } from './targets-extract';
import { cleanJoin, documentLines, tidySpaces } from './text-lines';
import { outlineDocument, type AnnexPart, type Chapter } from './outline';
import { UnitDirectory, type UnitEntry } from './unit-directory';
import { splitUnitNames } from './units-clause';
import { parseTaskTable, type TableRow } from './task-table';
import { headingOf } from './sections';
import { milestonesOf, readDeadline } from './generic/deadline';
import { titleLikeness } from './title-likeness';

export interface ImportResult {
  draft: PlanSeed;
  problems: string[];
  newUnits: string[];
}

const BATTLE_NAME = /打好[\u4e00-\u9fff]{2,12}?仗/;

function chapter(chapters: readonly Chapter[], word: RegExp): Chapter | undefined {
  return chapters.find((c) => word.test(c.title));
}

function shortNameOf(name: string): string {
  return name.replace(/^打好/, '').replace(/(主动|攻坚|持久|阻击|翻身|保障)?仗$/, '');
}

const toSeedTargets = (list: ExtractedTarget[]): SeedTarget[] => list.map((t) => ({ ...t }));

/** The main plan and the annex often state the same target word for word; keep it once. */
function distinctTargets(list: ExtractedTarget[]): ExtractedTarget[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const key = `${t.name}|${t.value}|${t.unit}|${t.comparison}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function importPlanText(text: string, directoryEntries: readonly UnitEntry[]): ImportResult {
  const problems: string[] = [];
  // A Word table arrives as tab-separated rows; this reader takes a table one cell per line, as a PDF gives it.
  const lines = documentLines(text.split('\n').flatMap((l) => (l.includes('\t') ? l.split('\t').filter((c) => c.trim()) : [l])).join('\n'));
  if (lines.length === 0) throw new Error('empty document');
  const outline = outlineDocument(lines);
  const units = new UnitDirectory(directoryEntries);
  const resolveAll = (names: string[]) => [...new Set(names.map((n) => units.resolve(n)))];

  const titleGuess = outline.notice.at(-1) ?? '';
  const { meta, problems: metaProblems } = parsePlanMeta(outline.notice, titleGuess);
  problems.push(...metaProblems);

  const keyTasks = chapter(outline.main, /重点任务|主要任务/);
  const mainBattles = keyTasks ? parseTaskSections(keyTasks.lines).map((s) => BATTLE_NAME.exec(s.title)?.[0]) : [];
  const mainGoals = chapter(outline.main, /主要目标|目标任务/);
  const goalSections: ParsedSection[] = mainGoals ? parseTaskSections(mainGoals.lines) : [];
  const organisation = chapter(outline.main, /组织实施|保障措施|组织领导/);
  const officeList = organisation ? /分别设在([^）)]+)[）)]/.exec(cleanJoin(organisation.lines))?.[1] : undefined;
  const offices = officeList ? splitUnitNames(officeList) : [];

  if (outline.annexes.length === 0) problems.push('未找到附件（“附件 1”等），无法读取各仗的任务。');
  const draft: PlanSeed = {
    format: 'zhuanban-plan-seed',
    version: 1,
    plan: { code: meta.docNo || meta.title, ...meta },
    battles: [],
    units: [],
    sections: [],
    tasks: [],
  };

  outline.annexes.slice(0, 6).forEach((annex: AnnexPart, i) => {
    const code = i + 1;
    const name = mainBattles[i] ?? BATTLE_NAME.exec(annex.title)?.[0] ?? annex.title;
    if (!annex.title.includes(name)) problems.push(`附件${annex.number}的标题“${annex.title}”与第${code}仗“${name}”不一致，请核对。`);
    const mechanismText = cleanJoin(annex.chapters.slice(2).flatMap((c) => c.lines));
    const mechanism = parseMechanism(mechanismText);
    if (!mechanism) problems.push(`附件${annex.number}中未找到工作专班的组成（召集人、成员单位）。`);
    const office = mechanism?.office ?? offices[i] ?? '';
    if (!office) problems.push(`未找到第${code}仗专班办公室所在单位。`);
    const goals = goalSections[i]?.content ?? '';
    const annexGoals = cleanJoin(chapter(annex.chapters, /目标/)?.lines ?? []);
    draft.battles.push({
      code,
      name,
      shortName: shortNameOf(name),
      office: office ? units.resolve(office) : '',
      goals,
      annexTitle: annex.title,
      annexGoals,
      conveners: mechanism?.conveners ?? '',
      memberUnits: resolveAll(mechanism?.memberUnits ?? []),
      targets: toSeedTargets(distinctTargets([...extractTargets(goals), ...extractTargets(annexGoals)])),
    });

    const taskChapter = chapter(annex.chapters, /任务/);
    if (!taskChapter) {
      problems.push(`附件${annex.number}中未找到“工作任务”一章。`);
      return;
    }
    for (const s of parseTaskSections(taskChapter.lines)) {
      const sectionCode = `${code}.${s.number}`;
      draft.sections.push({ battle: code, code: sectionCode, title: s.title, content: s.content, targets: toSeedTargets(s.targets) });
      const asTasks = s.items.length ? s.items.map((it) => ({ ...it, code: `${sectionCode}.${it.number}` })) : s.units ? [{ ...s, code: sectionCode }] : [];
      if (asTasks.length === 0) problems.push(`${sectionCode}“${s.title}”下没有编号任务，也没有责任单位。`);
      for (const t of asTasks) {
        const assigned = t.units ?? s.units;
        if (!assigned) problems.push(`任务 ${t.code}“${t.title}”未找到责任单位。`);
        draft.tasks.push({
          code: t.code,
          battle: code,
          section: sectionCode,
          title: t.title,
          content: t.content,
          listType: 'work',
          group: '',
          leadUnits: resolveAll(assigned?.leadUnits ?? []),
          coUnits: resolveAll(assigned?.coUnits ?? []),
          clause: assigned?.clause ?? '',
          leadByOrder: assigned?.leadByOrder ?? false,
          targets: toSeedTargets(t.targets),
        });
      }
    }
  });

  outline.annexes.slice(0, 6).forEach((annex, i) => {
    if (!annex.table) return;
    const table = parseTaskTable(annex.table.lines, (n) => units.isUnitName(n));
    if (!table || table.rows.length === 0) {
      problems.push(`附件${annex.number}的“${annex.table.title}”中没有读到表格行。`);
      return;
    }
    addTableTasks(draft, i + 1, annex.table.title, table.rows, table.hasCoColumn, resolveAll, problems);
  });

  leadsFromTables(draft);
  linkTableRows(draft);
  readDueDates(draft);
  draft.units = units.entries().sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const n of units.added) problems.push(`新单位“${n}”不在单位名录中，导入后将作为新单位建立。`);
  return { draft, problems, newUnits: [...units.added] };
}

/**
 * 工作内容 / 工作任务 labels come out of the PDF as one run of text ("关键核心技术攻坚行动现代农业领域"): the part
 * that names one of the battle's sections is the 工作内容, the rest the 工作任务.
 */
function splitLabels(labels: string, sectionTitles: readonly string[]): { group: string; item: string } {
  // At least six characters: "创新平台" alone is in a section title, but "创新平台运行模式" is a 工作任务.
  for (let k = labels.length; k >= 6; k--) {
    const prefix = labels.slice(0, k);
    if (sectionTitles.some((t) => t.includes(prefix))) return { group: prefix, item: labels.slice(k) };
  }
  return { group: '', item: labels };
}

/**
 * A content cell merged over two rows prints once, with both rows' units after it: the lead of the first row
 * appears again where the second row's units begin ("市科工信局 市农业农村局 市科工信局 市林业局 …").
 */
function unmergeRows(rows: TableRow[]): void {
  rows.forEach((row, i) => {
    const nextRow = rows[i + 1];
    const block = row.blocks.at(-1);
    if (!nextRow || nextRow.blocks.length || !block) return;
    const again = block.units.indexOf(block.units[0]!, 1);
    if (again <= 0) return;
    nextRow.blocks.push({ text: block.text, units: block.units.slice(again) });
    block.units = block.units.slice(0, again);
  });
}

function addTableTasks(
  draft: PlanSeed,
  battle: number,
  title: string,
  rows: TableRow[],
  hasCoColumn: boolean,
  resolveAll: (names: string[]) => string[],
  problems: string[],
): void {
  const sectionCode = `${battle}.表`;
  const sectionTitles = draft.sections.filter((s) => s.battle === battle).map((s) => s.title);
  draft.sections.push({ battle, code: sectionCode, title, content: title, targets: [] });
  unmergeRows(rows);
  let group = '';
  for (const row of rows) {
    const code = `${sectionCode}.${row.number}`;
    const labels = hasCoColumn ? splitLabels(row.labels, sectionTitles) : { group: '', item: row.labels };
    if (labels.group) group = labels.group;
    const blocks = row.blocks.filter((b) => b.text).map((b) => ({ ...b, text: tidySpaces(b.text) }));
    if (blocks.length === 0) {
      problems.push(`${title}第${row.number}行没有任务内容。`);
      continue;
    }
    const all = row.blocks.flatMap((b) => b.units);
    const leads = hasCoColumn ? row.blocks.filter((b) => b.units.length).map((b) => b.units[0]!) : all;
    const leadUnits = resolveAll(leads);
    const coUnits = resolveAll(all).filter((u) => !leadUnits.includes(u));
    if (leadUnits.length === 0) problems.push(`${title}第${row.number}行未找到牵头单位。`);
    const content = blocks.map((b) => b.text).join('\n');
    const taskTitle = labels.item || headingOf(blocks[0]!.text);
    draft.tasks.push({
      code,
      battle,
      section: sectionCode,
      title: taskTitle,
      content,
      listType: 'work',
      group: hasCoColumn ? group : '',
      leadUnits,
      coUnits,
      clause: '',
      leadByOrder: hasCoColumn,
      // A cell that is only a figure ("3200户") is named by its row.
      targets: toSeedTargets(blocks.flatMap((b) => extractTargets(b.text)).map((t) => (t.name ? t : { ...t, name: taskTitle }))),
    });
  }
}

/**
 * A clause without 牵头 only lists units; where the annex's own 任务分解表 has rows for the same 工作任务, the
 * table's 牵头单位 column says who leads, and that is what the document assigns.
 */
function leadsFromTables(draft: PlanSeed): void {
  const rows = draft.tasks.filter((t) => t.code.includes('.表.') && t.group);
  for (const task of draft.tasks) {
    if (!task.leadByOrder || task.code.includes('.表.')) continue;
    const matching = rows.filter((r) => r.battle === task.battle && r.title === task.title);
    if (matching.length === 0) continue;
    const leads = [...new Set(matching.flatMap((r) => r.leadUnits))];
    const named = [...task.leadUnits, ...task.coUnits, ...matching.flatMap((r) => r.coUnits)];
    task.leadUnits = leads;
    task.coUnits = [...new Set(named)].filter((u) => !leads.includes(u));
    task.leadByOrder = false;
  }
}

const sameWork = (a: string, b: string) => a.includes(b) || b.includes(a) || titleLikeness(a, b) >= 0.5;

/**
 * A table that restates a section's items (annex 6: the 州定民生实事 table and section （三） list the same 15
 * things, in the same order) adds its units and figures to the items and is not a second set of tasks. A
 * table that breaks items down (annex 2: rows per field under a 工作任务) stays, each row a sub-task of its item.
 */
function linkTableRows(draft: PlanSeed): void {
  for (const table of draft.sections.filter((s) => s.code.endsWith('.表'))) {
    const rows = draft.tasks.filter((t) => t.section === table.code);
    const items = draft.tasks.filter((t) => t.battle === table.battle && !t.code.includes('.表.'));
    const restated = draft.sections
      .filter((s) => s.battle === table.battle && s !== table)
      .map((s) => items.filter((t) => t.section === s.code))
      .find((list) => list.length === rows.length && list.filter((t, i) => sameWork(t.title, rows[i]!.title)).length >= rows.length * 0.8);
    if (restated) {
      rows.forEach((row, i) => {
        const item = restated[i]!;
        const named = [...item.leadUnits, ...item.coUnits];
        item.coUnits = [...item.coUnits, ...[...row.leadUnits, ...row.coUnits].filter((u) => !named.includes(u))];
        for (const t of row.targets) if (!item.targets.some((x) => x.value === t.value && x.unit === t.unit)) item.targets.push(t);
        item.content = `${item.content}\n（${table.title}第${row.code.split('.').at(-1)}行：${row.content}）`;
      });
      draft.tasks = draft.tasks.filter((t) => t.section !== table.code);
      draft.sections = draft.sections.filter((s) => s !== table);
      continue;
    }
    for (const row of rows) {
      // The row's 工作内容 names its item, sometimes without the item's leading verb (“创新平台建设攻坚行动” under
      // “实施创新平台建设攻坚行动”).
      const bare = (title: string) => title.replace(/^(实施|开展|推进|打好|深入实施|深入开展)/, '');
      const item =
        items.find((t) => t.title === row.title) ??
        items.find((t) => row.group && t.title === row.group) ??
        items.find((t) => row.group && bare(t.title) === bare(row.group));
      if (item) row.parent = item.code;
    }
  }
}

/** Deadlines the document states in an item's own words ("2023年底前…"). */
function readDueDates(draft: PlanSeed): void {
  for (const t of draft.tasks) {
    const d = readDeadline(t.content, draft.plan.year, true);
    if (d.due) t.dueDate = d.due;
    if (d.milestones.length) t.milestones = milestonesOf(d);
  }
}
