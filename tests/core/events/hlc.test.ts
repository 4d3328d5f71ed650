import { describe, expect, it } from 'vitest';
import { HybridClock, HLC_ZERO, formatHlc, parseHlc } from '../../../electron/core/events/hlc';

describe('HybridClock', () => {
  it('orders by wall time and string order equals clock order', () => {
    let now = 1_000;
    const c = new HybridClock(HLC_ZERO, () => now);
    const a = c.tick();
    now = 2_000;
    const b = c.tick();
    expect(a < b).toBe(true);
    expect(parseHlc(b)).toEqual({ wall: 2_000, counter: 0 });
  });

  it('keeps increasing when the wall clock stands still or goes backwards', () => {
    let now = 5_000;
    const c = new HybridClock(HLC_ZERO, () => now);
    const seen = [c.tick()];
    seen.push(c.tick());
    now = 4_000; // the office PC's clock was set back
    seen.push(c.tick());
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(3);
  });

  it('orders its next tick after an observed remote clock from the future', () => {
    const c = new HybridClock(HLC_ZERO, () => 1_000);
    c.observe(formatHlc(9_000, 7));
    expect(c.tick()).toBe(formatHlc(9_000, 8));
  });

  it('starts after the last clock it is given', () => {
    const c = new HybridClock(formatHlc(50_000, 3), () => 10);
    expect(c.tick() > formatHlc(50_000, 3)).toBe(true);
  });

  it('rejects malformed clocks', () => {
    expect(() => parseHlc('12:3')).toThrow(/malformed/);
  });
});
