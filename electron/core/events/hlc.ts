// Hybrid logical clock. Encoded as a fixed-width string so that string order is clock order and SQLite can
// compare clocks without parsing: 15 digits of wall milliseconds, ':', 6 digits of counter.

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;

export const HLC_ZERO = formatHlc(0, 0);

export function formatHlc(wall: number, counter: number): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}:${String(counter).padStart(COUNTER_DIGITS, '0')}`;
}

export function parseHlc(hlc: string): { wall: number; counter: number } {
  const m = /^(\d{15}):(\d{6})$/.exec(hlc);
  if (!m) throw new Error(`malformed HLC: ${hlc}`);
  return { wall: Number(m[1]), counter: Number(m[2]) };
}

export class HybridClock {
  private wall: number;
  private counter: number;

  constructor(
    last: string = HLC_ZERO,
    private readonly physicalNow: () => number = Date.now,
  ) {
    const p = parseHlc(last);
    this.wall = p.wall;
    this.counter = p.counter;
  }

  /** A clock value greater than every value this clock has issued or observed. */
  tick(): string {
    const now = this.physicalNow();
    if (now > this.wall) {
      this.wall = now;
      this.counter = 0;
    } else {
      this.bump();
    }
    return formatHlc(this.wall, this.counter);
  }

  /** Merge a clock seen on another replica's event, so our next tick orders after it. */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (r.wall > this.wall || (r.wall === this.wall && r.counter > this.counter)) {
      this.wall = r.wall;
      this.counter = r.counter;
    }
  }

  private bump(): void {
    if (this.counter >= MAX_COUNTER) {
      this.wall += 1;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
  }
}
