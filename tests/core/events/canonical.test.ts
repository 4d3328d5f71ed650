import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isCanonicalText, sha256Hex, type Json } from '../../../electron/core/events/canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: '仗' } })).toBe('{"a":{"c":"仗","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same bytes and hash for equal objects built in different key order', () => {
    const x = canonicalJson({ entity: 'task', fields: { title: 'a', code: '1.1.1' } });
    const y = canonicalJson({ fields: { code: '1.1.1', title: 'a' }, entity: 'task' });
    expect(x).toBe(y);
    expect(sha256Hex(x)).toBe(sha256Hex(y));
  });

  it('refuses non-finite numbers, which JSON cannot carry', () => {
    expect(() => canonicalJson({ v: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('isCanonicalText', () => {
  it('agrees with building the canonical form, for any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (v, canonical) => {
        const text = canonical ? canonicalJson(v as Json) : JSON.stringify(v);
        const parsed = JSON.parse(text) as Json;
        expect(isCanonicalText(parsed, text)).toBe(canonicalJson(parsed) === text);
      }),
      { numRuns: 2000, seed: 20230316 },
    );
  });

  it('refuses other spellings of the same value: unsorted keys, white space, a duplicate key, integer-like keys out of string order', () => {
    expect(isCanonicalText({ a: 1, b: 2 }, '{"a":1,"b":2}')).toBe(true);
    expect(isCanonicalText(JSON.parse('{"b":2,"a":1}') as Json, '{"b":2,"a":1}')).toBe(false);
    expect(isCanonicalText({ a: 1 }, '{ "a":1}')).toBe(false);
    expect(isCanonicalText(JSON.parse('{"a":1,"a":2}') as Json, '{"a":1,"a":2}')).toBe(false);
    // Engines list "9" before "10"; the canonical order is by string: "10" < "9".
    const t = '{"10":1,"9":2}';
    expect(isCanonicalText(JSON.parse(t) as Json, t)).toBe(true);
    expect(isCanonicalText(JSON.parse('{"9":2,"10":1}') as Json, '{"9":2,"10":1}')).toBe(false);
  });
});
