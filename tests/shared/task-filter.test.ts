import { describe, expect, it } from 'vitest';
import { buildSearchIndex, filterTasks } from '../../shared/task-filter';

const tasks = [
  { battle: 1, code: '1.1.1', title: '开展促消费系列活动', content: '举办车展', leadUnits: ['市商务局'], coUnits: ['市发改局'] },
  { battle: 1, code: '1.2.1', title: '加快重大产业项目建设', content: '同方计算机', leadUnits: ['市发改局'], coUnits: [] },
  { battle: 2, code: '2.1.1', title: 'Chip 研发', content: '', leadUnits: ['市科工信局'], coUnits: [] },
];

describe('filterTasks', () => {
  it('filters by battle', () => {
    expect(filterTasks(tasks, { battle: 2 }).map((t) => t.code)).toEqual(['2.1.1']);
  });

  it('searches code prefix, title, content and unit names, case-insensitively', () => {
    expect(filterTasks(tasks, { search: '1.2' }).map((t) => t.code)).toEqual(['1.2.1']);
    expect(filterTasks(tasks, { search: '车展' }).map((t) => t.code)).toEqual(['1.1.1']);
    expect(filterTasks(tasks, { search: '市发改局' }).map((t) => t.code)).toEqual(['1.1.1', '1.2.1']);
    expect(filterTasks(tasks, { search: 'chip' }).map((t) => t.code)).toEqual(['2.1.1']);
  });

  it('combines battle and search, and treats blank search as none', () => {
    expect(filterTasks(tasks, { battle: 1, search: '市科工信局' })).toEqual([]);
    expect(filterTasks(tasks, { search: '   ' })).toHaveLength(3);
  });

  it('finds the same with the search index of the list, and ignores an index built from another list', () => {
    const index = buildSearchIndex(tasks);
    for (const search of ['1.2', '车展', '市发改局', 'chip', 'CHIP', '研发', '无此任务', '']) {
      expect(filterTasks(tasks, { search }, index)).toEqual(filterTasks(tasks, { search }));
    }
    const other = buildSearchIndex([tasks[2]!, tasks[0]!]);
    expect(filterTasks(tasks, { search: '车展' }, other).map((t) => t.code)).toEqual(['1.1.1']);
  });
});
