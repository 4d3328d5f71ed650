// Peak resident memory of this process so far (Linux VmHWM), in MB; 0 where /proc is not there.
import { readFileSync } from 'node:fs';

export function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return Math.round(process.memoryUsage().rss / 1024 / 1024);
  }
}
