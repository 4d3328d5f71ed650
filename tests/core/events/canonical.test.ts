import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../../electron/core/events/canonical';

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
