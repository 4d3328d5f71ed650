// The export's fast paths give the same bytes the slow, obviously-correct ones would.
import { describe, expect, it } from 'vitest';
import { canonicalJson, type Json } from '../../../electron/core/events/canonical';
import { canonicalEventsJson } from '../../../electron/core/sync/bundle-format';
import { buildBundle, bundleText } from '../../../electron/core/sync/export';
import { verifyBundleBytes } from '../../../electron/core/sync/verify';
import { installation } from '../../helpers/offices';

describe('export', () => {
  it('canonical events text equals the general canonical JSON, escapes included', () => {
    const events = [
      { body: '{"a":"引号\\"和\\\\反斜杠","b":"\\u0000"}', sig: 'c2ln+/=' },
      { body: '换行\n制表\t', sig: '' },
    ];
    expect(canonicalEventsJson(events)).toBe(canonicalJson(events as unknown as Json));
  });

  it('the file text parses to the same bundle as JSON.stringify and verifies', async () => {
    const o = installation({ office: '市商务局', role: 'unit' });
    await o.ready;
    const bundle = buildBundle(o.store);
    const text = bundleText(bundle);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(bundle)));
    expect(() => verifyBundleBytes(Buffer.from(text))).not.toThrow();
  });
});
