// Any plan document's text → what it assigns: tasks with their lead and cooperating units, due dates and
// milestones, grouped as the document groups them, and every line that was not placed, with why.
// Nothing here is a gate: a letter or a spreadsheet of something else yields an empty draft and its reasons.
import { extractTargets, type ExtractedTarget } from '../targets-extract';
import { headingOf } from '../sections';
import { debrisReason } from './debris';
import { readDeadline, type Deadline } from './deadline';
import { titleLikeness } from '../title-likeness';
import { fullText, numberedItems, walk, type Item, type NumberedLine } from './numbered-items';
import { readPlanHeader, type PlanHeader } from './plan-header';
import { fromLabels, headingResponsibility, labelledParts, trailingResponsibility, type Responsibility } from './responsibility';
import { findTables, type Table } from './table-rows';

export interface ReadTask {
  title: string;
  text: string;
  lead: string[];
  co: string[];
  leadByOrder: boolean;
  clause: string;
  deadline: Deadline;
  targets: ExtractedTarget[];
  line: number;
  /** The headings above the task, outermost first: how the document groups it. */
  path: string[];
  /** The same work restated by a table row (its line), merged into this task. */
  restatedAt: number[];
}

export interface Unplaced {
  line: number;
  text: string;
  reason: string;
}

export interface ReadPlan {
  header: PlanHeader;
  tasks: ReadTask[];
  unplaced: Unplaced[];
  problems: string[];
}

const WEB_META = /^(发文机关|发布机构|发文单位|成文日期|发文日期|文\s*号|发文字号|发布时间|发布日期)\s*[:：]/;

function ownResponsibility(item: Item): Responsibility | null {
  if (item.labels.length) {
    const parts = item.labels.flatMap((l) => labelledParts(l));
    const r = fromLabels(parts, item.labels.join('；'));
    if (r && r.lead.length) return r;
  }
  const whole = [item.head, ...item.body].join('');
  return trailingResponsibility(whole)?.resp ?? trailingResponsibility(item.head)?.resp ?? null;
}

function deadlineOf(item: Item, text: string, year: number): Deadline {
  const labelled = item.labels.flatMap((l) => labelledParts(l)).filter((p) => /时限|时间|节点/.test(p.label));
  if (labelled.length) return readDeadline(labelled.map((p) => p.value).join('，'), year);
  return readDeadline(text.slice(0, 3000), year, true);
}

function stripClause(text: string): { text: string; clause: string } {
  const t = trailingResponsibility(text);
  return t ? { text: text.slice(0, t.start).replace(/[，,；;]$/, ''), clause: text.slice(t.start) } : { text, clause: '' };
}

function titleOf(head: string): string {
  const h = headingOf(stripClause(head).text);
  return h.length > 60 ? `${h.slice(0, 58)}…` : h;
}

function pathOf(item: Item): string[] {
  const path: string[] = [];
  for (let p = item.parent; p; p = p.parent) path.unshift(titleOf(p.head));
  return path;
}

function itemTasks(roots: Item[], year: number, unplaced: Unplaced[]): ReadTask[] {
  const tasks: ReadTask[] = [];
  const own = new Map<Item, Responsibility | null>();
  const heading = new Map<Item, Responsibility | null>();
  walk(roots, (it) => {
    own.set(it, ownResponsibility(it));
    heading.set(it, it.children.length ? headingResponsibility(it.head) : null);
  });
  const assigned = (it: Item) => own.get(it) ?? heading.get(it);
  const below = (it: Item): boolean => it.children.some((c) => Boolean(assigned(c)) || below(c));
  const inTaskChapter = (it: Item): boolean => {
    let top = it;
    while (top.parent) top = top.parent;
    return top === it ? below(it) : below(top);
  };

  const addTask = (it: Item, r: Responsibility) => {
    const raw = fullText(it);
    const { text, clause } = stripClause([it.head, ...it.body].join(''));
    const children = it.children.map((c) => fullText(c)).join('');
    const content = text + children;
    tasks.push({
      title: titleOf(it.head),
      text: content,
      lead: r.lead,
      co: r.co,
      leadByOrder: r.leadByOrder,
      clause: r.clause || clause,
      deadline: deadlineOf(it, content || raw, year),
      // Figures are read from the first 3,000 characters: a runaway paragraph would take quadratic time.
      targets: extractTargets(content.slice(0, 3000)),
      line: it.line,
      path: pathOf(it),
      restatedAt: [],
    });
  };

  const visit = (it: Item, inherited: Responsibility | null) => {
    const h = heading.get(it);
    if (h) {
      it.children.forEach((c) => visit(c, h));
      return;
    }
    const o = own.get(it) ?? null;
    const hasBelow = below(it);
    if (o && !hasBelow) addTask(it, o);
    else if (hasBelow) it.children.forEach((c) => visit(c, o ?? inherited));
    else if (inherited) addTask(it, inherited);
    else {
      const reason = inTaskChapter(it) ? '未写明责任单位，未作为任务' : '不是任务（未写明责任单位的正文段落）';
      // The item, its own lines and everything under it: every line is accounted for.
      walk([it], (x) => {
        unplaced.push({ line: x.line, text: x.head, reason });
        x.body.forEach((b, k) => unplaced.push({ line: x.bodyAt[k]!, text: b, reason }));
      });
    }
  };
  roots.forEach((r) => visit(r, null));
  return tasks;
}

function tableTitle(table: Table, before: readonly NumberedLine[]): string {
  const prev = before.filter((l) => l.line < table.start).slice(-3).reverse();
  return prev.find((l) => /表|清单|项目|任务/.test(l.text) && l.text.length <= 50 && !/[。；]/.test(l.text))?.text.replace(/\s+/g, '') ?? '';
}

function tableTasks(tables: Table[], lines: readonly NumberedLine[], year: number, unplaced: Unplaced[]): ReadTask[] {
  const tasks: ReadTask[] = [];
  for (const table of tables) {
    const title = tableTitle(table, lines);
    for (const s of table.stray) unplaced.push({ line: s.line, text: s.text, reason: '表格中不属于任何一行的文字' });
    for (const row of table.rows) {
      const lead = row.lead.length ? row.lead : row.resp.slice(0, 1);
      const co = [...(row.lead.length ? row.resp : row.resp.slice(1)), ...row.co].filter((u) => !lead.includes(u));
      const text = row.text.replace(/\n/g, '');
      if (!text) {
        unplaced.push({ line: row.line, text: row.cells.join(' '), reason: '表格行没有任务内容' });
        continue;
      }
      const due = readDeadline(row.due, year);
      tasks.push({
        title: titleOf(row.text.split('\n')[0]!),
        text,
        lead,
        co: [...new Set(co)],
        leadByOrder: row.lead.length === 0,
        clause: '',
        deadline: due.due || due.ongoing || due.recurring ? due : readDeadline(text, year, true),
        targets: extractTargets(text.slice(0, 3000)),
        line: row.line,
        path: [title, row.category].filter(Boolean),
        restatedAt: [],
      });
    }
  }
  return tasks;
}

/** Two names of one thing: equal, or differing in a word or two ("规范中介服务市场" / "规范中介机构服务市场"). */
const sameName = (a: string, b: string) => a === b || titleLikeness(a, b) >= 0.75;

const norm = (s: string) => s.replace(/[\s“”"《》（）()，,、。；;：:]/g, '').replace(/^\d+/, '');

/**
 * A table row that restates a text item (the same work, named the same) is that item, not a second task. Only a
 * name that is the same, or nearly, and only one row per item: "安全生产月活动" is not the item "安全生产".
 */
function mergeRestated(fromText: ReadTask[], fromTables: ReadTask[], problems: string[]): ReadTask[] {
  const kept: ReadTask[] = [];
  const taken = new Set<ReadTask>();
  for (const row of fromTables) {
    const key = norm(row.title);
    const same = key.length >= 4 ? fromText.find((t) => !taken.has(t) && sameName(norm(t.title), key)) : undefined;
    if (!same) {
      kept.push(row);
      continue;
    }
    taken.add(same);
    problems.push(`表格第${row.line}行“${row.title}”与任务“${same.title}”是同一项，已合并为一项。`);
    same.restatedAt.push(row.line);
    if (same.lead.length === 0) same.lead = row.lead;
    if (!same.deadline.due && row.deadline.due) same.deadline = row.deadline;
    for (const u of [...row.lead, ...row.co]) if (!same.lead.includes(u) && !same.co.includes(u)) same.co.push(u);
  }
  return [...fromText, ...kept];
}

/** A merged cell spanning a row (an Excel title over the table) repeats in every cell: once is enough. */
function collapseRepeats(line: string): string {
  if (!line.includes('\t')) return line;
  const cells = line.split('\t').map((c) => c.trim()).filter(Boolean);
  return cells.length > 1 && cells.every((c) => c === cells[0]) ? cells[0]! : line;
}

const DATE_LINE = /^(20\d{2}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
const ANNEX_LINE = /^附\s*件\s*\d*\s*[:：]?/;
const ISSUER_LINE = /^[\u4e00-\u9fff（）()\s]{2,40}(人民政府|办公室|委员会|领导小组|指挥部|办公厅|管委会|党委|政府)$/;

/** The signature block and 附件 headings: not the text of the item they follow. */
function signOff(lines: readonly NumberedLine[]): (l: NumberedLine, i: number) => boolean {
  return (l, i) => DATE_LINE.test(l.text.replace(/\s+/g, '')) || ANNEX_LINE.test(l.text) || (ISSUER_LINE.test(l.text.replace(/\s+/g, '')) && DATE_LINE.test((lines[i + 1]?.text ?? '').replace(/\s+/g, '')));
}

export function readPlan(text: string): ReadPlan {
  const unplaced: Unplaced[] = [];
  const webMeta: string[] = [];
  const lines: NumberedLine[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const t = collapseRepeats(
      raw
        .replace(/[\u00a0\u3000]/g, ' ')
        // Full-width digits and letters ("１．") read as their ASCII forms.
        .replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/^[•·●▪◆■□►]\s*/, ''),
    ).trim();
    if (!t) return;
    if (WEB_META.test(t)) webMeta.push(t);
    const why = debrisReason(t);
    if (why) unplaced.push({ line: i + 1, text: t, reason: why });
    else lines.push({ text: t, line: i + 1 });
  });
  const { header, problems } = readPlanHeader(lines, webMeta);
  const year = header.year || new Date().getFullYear();
  const { tables, rest } = findTables(lines, year);
  const { roots, preamble } = numberedItems(rest, signOff(rest));
  for (const p of preamble) unplaced.push({ line: p.line, text: p.text, reason: '文件头或通知正文' });
  const fromText = itemTasks(roots, year, unplaced);
  const tasks = mergeRestated(fromText, tableTasks(tables, lines, year, unplaced), problems);
  tasks.sort((a, b) => a.line - b.line);
  if (tasks.length === 0) problems.unshift('没有找到写明责任单位的任务。这份文件可能不是实施方案或任务分解表；可在草稿中把未放入的段落设为任务。');
  unplaced.sort((a, b) => a.line - b.line);
  return { header, tasks, unplaced, problems };
}
