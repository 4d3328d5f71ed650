// What JSON.parse does not say about a text: whether an object names a key twice (the parse keeps the last, so
// two readers of one file could see two meanings), and how deep it nests (a walk over a value nested 150,000 deep
// exhausts the stack). One pass over the text, iterative, for the bundle's head and for files in another layout.

export type ScanProblem = { kind: 'duplicate'; key: string } | { kind: 'depth' } | null;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The first duplicate key or excess of depth in a text that JSON.parse accepted; null when there is none. */
export function scanJson(text: string, maxDepth: number): ScanProblem {
  // Per open container: the keys seen so far (objects) or null (arrays).
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i + 1;
      let escaped = false;
      for (i = start; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i++;
        } else if (d === QUOTE) break;
      }
      if (expectKey) {
        const raw = text.slice(start, i);
        // Keys spelled with escapes are compared by what they mean.
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        const seen = stack[stack.length - 1]!;
        if (seen.has(key)) return { kind: 'duplicate', key };
        seen.add(key);
        expectKey = false;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return { kind: 'depth' };
      stack.push(c === 0x7b ? new Set() : null);
      expectKey = c === 0x7b;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
  return null;
}
