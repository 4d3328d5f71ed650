// File names made from texts anyone may have typed: checked against what Windows and Linux refuse, by bytes and
// characters counted here, not by the rule's own code.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { namePart, OUTBOX_REF, plainFileName } from '../../shared/file-names';

const FORBIDDEN = ['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\u202e', '\u0000', '\n'];

describe('file names', () => {
  it('never hold a folder, a character Windows refuses or a bidi mark, and fit 255 bytes with the extension kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('.docx', '.xlsx', '.ledger.json', '.pdf', ''), (stem, ext) => {
        const name = plainFileName(stem + ext);
        for (const c of FORBIDDEN) expect(name.includes(c)).toBe(false);
        expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(255);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toMatch(/^\.\.?$/);
        // encodable into a header without throwing (no lone surrogates)
        expect(() => encodeURIComponent(name)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the extension of a long Chinese title and disarms a right-to-left trick', () => {
    const long = plainFileName(`${'关于打好发展六仗的通报'.repeat(40)}.docx`);
    expect(long.endsWith('.docx')).toBe(true);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(plainFileName('总结\u202Excod.exe')).toBe('总结_xcod.exe');
    expect(plainFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(plainFileName('...')).toBe('专班台账导出文件');
  });

  it('makes an office name a plain part and a reference nothing but a UUID', () => {
    expect(namePart('../x/市住建局')).toBe('.._x_市住建局');
    expect([...namePart('很'.repeat(50))]).toHaveLength(30);
    expect(OUTBOX_REF.test('0b7e8c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e')).toBe(true);
    for (const bad of ['../0b7e8c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e', '0B7E8C1E-2F3A-4B5C-8D9E-0F1A2B3C4D5E', '0b7e8c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e.part']) expect(OUTBOX_REF.test(bad)).toBe(false);
  });
});
