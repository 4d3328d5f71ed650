import { describe, expect, it } from 'vitest';
import { attribute, XmlLimitError, XmlTagScanner, type TagKind } from '../../../electron/core/files/xml-tags';

/** Every event, with text joined between tags, the XML fed in pieces of `size` characters. */
function scan(xml: string, size: number, maxText?: number, asBytes = false) {
  const events: string[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`text ${text}`);
    text = '';
  };
  const s = new XmlTagScanner(
    {
      tag(name: string, kind: TagKind, raw: string) {
        flush();
        events.push(`${kind} ${name} ${attribute(raw, 'r') ?? ''}`.trim());
      },
      text(piece) {
        text += piece;
      },
    },
    maxText,
  );
  const input = asBytes ? Buffer.from(xml, 'latin1') : xml;
  for (let i = 0; i < input.length; i += size) s.push(input.slice(i, i + size));
  flush();
  s.end();
  return { events, elements: s.elements };
}

const XML =
  '<?xml version="1.0"?><x:sheet xmlns:x="u"><!-- a > b --><row r="1" note=\'a>b\' q="c\'d"><c r="A1"><v>1</v></c>' +
  '<c r="B1"/><c r="C1" t="inlineStr"><is><t><![CDATA[x < y > z]]> &amp; w</t></is></c></row></x:sheet>';

describe('the tags of XML fed piece by piece', () => {
  it('finds the same tags, attributes and text whatever the pieces', () => {
    const whole = scan(XML, XML.length);
    expect(whole.events).toEqual([
      'open sheet',
      'open row 1',
      'open c A1',
      'open v',
      'text 1',
      'close v',
      'close c',
      'empty c B1',
      'open c C1',
      'open is',
      'open t',
      'text x < y > z &amp; w',
      'close t',
      'close is',
      'close c',
      'close row',
      'close sheet',
    ]);
    expect(whole.elements).toBe(8);
    for (const size of [1, 2, 3, 7, 16]) expect(scan(XML, size), `pieces of ${size}`).toEqual(whole);
    for (const size of [1, 5, 16]) expect(scan(XML, size, Infinity, true), `bytes in pieces of ${size}`).toEqual(whole);
  });

  it('refuses a DTD, a run of text over the cap and markup that never ends', () => {
    const refused = (f: () => unknown, reason: string) => {
      try {
        f();
      } catch (err) {
        expect(err).toBeInstanceOf(XmlLimitError);
        expect((err as XmlLimitError).reason).toBe(reason);
        return;
      }
      expect.unreachable(reason);
    };
    refused(() => scan('<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><r>&a;</r>', 5), 'dtd');
    refused(() => scan(`<t>${'x'.repeat(101)}</t>`, 10, 100), 'text');
    refused(() => scan(`<t>${'x'.repeat(101)}</t>`, 10, 100, true), 'text');
    expect(scan(`<t>${'x'.repeat(100)}</t><t>${'x'.repeat(100)}</t>`, 10, 100).elements).toBe(2);
    refused(() => scan(`<c r="${'1'.repeat(1024 * 1024 + 10)}`, 64 * 1024), 'markup');
  });
});
