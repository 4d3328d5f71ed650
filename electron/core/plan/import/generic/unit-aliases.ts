// A plan writes one unit several ways: 区发改局 and 区发展和改革局, 县卫健局 and 县卫生健康局. A short name is
// taken for a long one when it starts and ends alike and its characters appear in the long name in order; the
// long name is kept, the short becomes its alias, and the draft shows each merge for a person to confirm.

function isAbbreviationOf(short: string, long: string): boolean {
  if (short.length >= long.length || short.length < 3) return false;
  if (short[0] !== long[0] || short.at(-1) !== long.at(-1)) return false;
  let at = 0;
  for (const c of short) {
    at = long.indexOf(c, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Canonical name for each name, and the merges made: { alias → canonical }. */
export function mergeAliases(names: readonly string[]): Map<string, string> {
  const distinct = [...new Set(names)].sort((a, b) => b.length - a.length);
  const canonical = new Map<string, string>();
  for (const n of distinct) {
    const longer = distinct.filter((l) => l.length > n.length && !canonical.has(l) && isAbbreviationOf(n, l));
    // Only an unambiguous abbreviation is merged: "县教育局" with two longer candidates stays as written.
    if (longer.length === 1) canonical.set(n, longer[0]!);
  }
  return canonical;
}
