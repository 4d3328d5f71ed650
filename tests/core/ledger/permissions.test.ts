import { describe, expect, it } from 'vitest';
import { can, requirePermission, type Action } from '../../../electron/core/ledger/permissions';
import type { Identity } from '../../../shared/workflow';
import { AppError } from '../../../shared/errors';

const id = (role: Identity['role'], office: string, battle = 0): Identity => ({ replicaId: 'r', officeUnitId: office, officeName: office, role, battle, operator: '' });
// A task of battle 1 led by 商务局 with 发改局 cooperating.
const task = { battle: 1, leadUnitIds: ['商务局'], coUnitIds: ['发改局'] };

const center = id('center', '督查室');
const taskforce1 = id('taskforce', '发改局', 1);
const taskforce2 = id('taskforce', '科工信局', 2);
const lead = id('unit', '商务局');
const co = id('unit', '发改局');
const other = id('unit', '教体局');

// Expected answers for each role and action, as docs/architecture.md's role rules say.
const table: [Identity, string, Record<Action, boolean>][] = [
  [center, 'center', { 'task.edit': true, 'task.assign': true, 'progress.report': true, 'closeout.request': true, 'closeout.decide': true, 'indicator.define': true, 'indicator.report': true, 'problem.raise': true, 'problem.clear': true, 'supervision.act': true, 'meeting.record': true }],
  [taskforce1, 'taskforce of the battle', { 'task.edit': true, 'task.assign': true, 'progress.report': true, 'closeout.request': true, 'closeout.decide': true, 'indicator.define': true, 'indicator.report': true, 'problem.raise': true, 'problem.clear': true, 'supervision.act': true, 'meeting.record': true }],
  [taskforce2, 'taskforce of another battle', { 'task.edit': false, 'task.assign': false, 'progress.report': false, 'closeout.request': false, 'closeout.decide': false, 'indicator.define': false, 'indicator.report': false, 'problem.raise': false, 'problem.clear': false, 'supervision.act': false, 'meeting.record': false }],
  [lead, 'lead unit', { 'task.edit': false, 'task.assign': true, 'progress.report': true, 'closeout.request': true, 'closeout.decide': false, 'indicator.define': false, 'indicator.report': true, 'problem.raise': false, 'problem.clear': true, 'supervision.act': false, 'meeting.record': false }],
  [co, 'cooperating unit', { 'task.edit': false, 'task.assign': false, 'progress.report': true, 'closeout.request': false, 'closeout.decide': false, 'indicator.define': false, 'indicator.report': false, 'problem.raise': false, 'problem.clear': false, 'supervision.act': false, 'meeting.record': false }],
  [other, 'unrelated unit', { 'task.edit': false, 'task.assign': false, 'progress.report': false, 'closeout.request': false, 'closeout.decide': false, 'indicator.define': false, 'indicator.report': false, 'problem.raise': false, 'problem.clear': false, 'supervision.act': false, 'meeting.record': false }],
];

describe('role rules', () => {
  for (const [who, name, expected] of table) {
    for (const [action, allowed] of Object.entries(expected) as [Action, boolean][]) {
      it(`${name} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(who, action, task)).toBe(allowed);
        if (allowed) expect(() => requirePermission(who, action, task)).not.toThrow();
        else expect(() => requirePermission(who, action, task)).toThrow(AppError);
      });
    }
  }

  it('explains a refusal in Chinese, naming the office and who may', () => {
    try {
      requirePermission(lead, 'closeout.decide', task);
    } catch (e) {
      expect((e as AppError).code).toBe('forbidden');
      expect((e as AppError).message).toBe('商务局：销号由第一仗工作专班或总指挥中心审批，本机无权审批。');
    }
  });
});
