import { describe, expect, it } from 'vitest';
import { compareTaskCodes } from '../../shared/task-code';

describe('task codes in natural order', () => {
  it('orders numbers as numbers at every level, sub-tasks after their task', () => {
    const codes = ['4.5.10', '1.1.1-10', '2.表.12', '1.1.1', '4.5.9', '1.1.1-2', '2.表.3', '1.10.1', '1.2.1', '2.1.1'];
    expect([...codes].sort(compareTaskCodes)).toEqual(['1.1.1', '1.1.1-2', '1.1.1-10', '1.2.1', '1.10.1', '2.1.1', '2.表.3', '2.表.12', '4.5.9', '4.5.10']);
  });
  it('is a consistent order (antisymmetric, equal only for equal codes)', () => {
    const codes = ['1', '1.1', '1.1-1', '1.转.2', '1.2', '10', '2'];
    for (const a of codes) for (const b of codes) expect(Math.sign(compareTaskCodes(a, b))).toBe(a === b ? 0 : -Math.sign(compareTaskCodes(b, a)));
  });
});
