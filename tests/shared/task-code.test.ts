import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareTaskCodes, orderTiesByCode } from '../../shared/task-code';

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

// Codes built from their parts, so the expected order is read from the parts themselves, not parsed back.
type Part = number | '表' | '转';
const part: fc.Arbitrary<Part> = fc.oneof({ weight: 5, arbitrary: fc.nat({ max: 120 }) }, { weight: 1, arbitrary: fc.constantFrom<'表' | '转'>('表', '转') });
const built = fc
  .array(part, { minLength: 1, maxLength: 5 })
  .chain((parts) => fc.array(fc.constantFrom('.', '-'), { minLength: parts.length - 1, maxLength: parts.length - 1 }).map((seps) => ({ parts, code: parts.map((p, i) => `${i ? seps[i - 1] : ''}${p}`).join('') })));

function byParts(a: { parts: Part[]; code: string }, b: { parts: Part[]; code: string }): number {
  for (let i = 0; i < Math.min(a.parts.length, b.parts.length); i++) {
    const [x, y] = [a.parts[i]!, b.parts[i]!];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x === '表' ? -1 : 1; // 表 U+8868 before 转 U+8F6C
  }
  if (a.parts.length !== b.parts.length) return a.parts.length - b.parts.length;
  return a.code === b.code ? 0 : a.code < b.code ? -1 : 1;
}

describe('task codes in natural order, for any codes', () => {
  it('agrees with the order of the numbers the codes were made from', () => {
    fc.assert(
      fc.property(built, built, (a, b) => {
        expect(Math.sign(compareTaskCodes(a.code, b.code))).toBe(Math.sign(byParts(a, b)));
      }),
      { numRuns: 3000, seed: 20230316 },
    );
  });

  it('sorts a list as the parts order it', () => {
    fc.assert(
      fc.property(fc.array(built, { maxLength: 40 }), (list) => {
        expect([...list].sort((x, y) => compareTaskCodes(x.code, y.code)).map((x) => x.code)).toEqual([...list].sort(byParts).map((x) => x.code));
      }),
      { numRuns: 500, seed: 20230316 },
    );
  });

  it('reads numbers of any length and leading zeros as numbers, yet tells 1.01 from 1.1', () => {
    expect(compareTaskCodes('1.99999999999999999999', '1.100000000000000000000')).toBeLessThan(0);
    expect(compareTaskCodes('1.007', '1.10')).toBeLessThan(0);
    expect(compareTaskCodes('1.01', '1.1')).not.toBe(0);
    expect(Math.sign(compareTaskCodes('1.01', '1.1'))).toBe(-Math.sign(compareTaskCodes('1.1', '1.01')));
  });
});

describe('orderTiesByCode', () => {
  it('orders each run of one place by code and leaves the places in their order', () => {
    const row = fc.record({ place: fc.nat({ max: 6 }), code: built.map((b) => b.code) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const byPlace = [...rows].sort((a, b) => a.place - b.place);
        const got = orderTiesByCode([...byPlace], (a, b) => a.place === b.place, (r) => r.code);
        expect(got.map((r) => r.place)).toEqual(byPlace.map((r) => r.place));
        for (let i = 1; i < got.length; i++) if (got[i - 1]!.place === got[i]!.place) expect(compareTaskCodes(got[i - 1]!.code, got[i]!.code)).toBeLessThanOrEqual(0);
        expect([...got].map((r) => r.code).sort()).toEqual([...rows].map((r) => r.code).sort());
      }),
      { numRuns: 300, seed: 20230316 },
    );
  });
});
