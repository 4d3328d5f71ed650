// A Word document's text with its tables kept as tables: mammoth's HTML, each paragraph a line and each table
// row one line of tab-separated cells (empty cells kept, so columns stay in place). Read as plain text, a
// table came out one cell per paragraph, and an empty cell shifted every cell after it.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(s: string): string {
  return s.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const textOf = (html: string) => decode(html.replace(/<[^>]*>/g, '')).replace(/[\t\r\n]+/g, ' ').trim();

export function htmlToLines(html: string): string {
  const out: string[] = [];
  // Tables first (cells may hold paragraphs); what lies between them is paragraphs.
  const parts = html.split(/(<table[\s\S]*?<\/table>)/);
  for (const part of parts) {
    if (part.startsWith('<table')) {
      for (const row of part.match(/<tr[\s\S]*?<\/tr>/g) ?? []) {
        const cells = (row.match(/<t[dh][^>]*>[\s\S]*?<\/t[dh]>/g) ?? []).map((c) => textOf(c.replace(/<\/p>/g, ' ')));
        if (cells.some(Boolean)) out.push(cells.join('\t'));
      }
      continue;
    }
    for (const block of part.split(/<\/(?:p|h[1-6]|li)>/)) {
      const line = textOf(block);
      if (line) out.push(line);
    }
  }
  return out.join('\n');
}
