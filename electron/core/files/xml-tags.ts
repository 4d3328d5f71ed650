// The tags of an XML part as it inflates, piece by piece, without building anything: enough to count elements,
// measure runs of text and read a few attributes before a reader that builds a whole document (exceljs, mammoth)
// is let near the part. Pieces are decoded as Latin-1, so markup (ASCII) reads as itself and a run of text is
// measured in bytes.

export type TagKind = 'open' | 'close' | 'empty';

export interface XmlEvents {
  /** A start, end or empty-element tag; name is the local name (no prefix), raw the tag from < to >. */
  tag?(name: string, kind: TagKind, raw: string): void;
  /** Text between tags (CDATA included), in pieces. */
  text?(piece: string): void;
}

export class XmlLimitError extends Error {
  constructor(
    readonly reason: 'text' | 'markup' | 'dtd',
    detail: string,
  ) {
    super(detail);
  }
}

// A start or end tag, its attribute values quoted either way (a value may hold '>').
const TAG = /<([/!?]?)([^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;
/** No tag of a well-formed Office part comes near this; past it the part is refused rather than buffered. */
const MAX_MARKUP = 1024 * 1024;

export class XmlTagScanner {
  /** Start and empty-element tags seen so far. */
  elements = 0;
  private carry = '';
  private run = 0;

  constructor(
    private readonly events: XmlEvents,
    /** The longest run of text allowed between two tags. */
    private readonly maxText = Infinity,
  ) {}

  /** Bytes are read as Latin-1; a piece of text alone (a bomb of spaces is megabytes of it) is not decoded. */
  push(piece: string | Uint8Array): void {
    if (typeof piece !== 'string') {
      const bytes = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      if (!this.carry && !bytes.includes(0x3c)) {
        this.run += bytes.length;
        if (this.run > this.maxText) throw new XmlLimitError('text', `a run of text over ${this.maxText} bytes`);
        this.events.text?.(bytes.toString('latin1'));
        return;
      }
      piece = bytes.toString('latin1');
    }
    // Unfinished markup cannot end in a piece without '>': no need to look at it again.
    if (this.carry && !piece.includes('>')) return this.keep(this.carry + piece);
    const s = this.carry + piece;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt !== i) {
        this.textUpTo(s, i, lt < 0 ? n : lt);
        if (lt < 0) {
          i = n;
          break;
        }
        i = lt;
      }
      const end = this.markup(s, i);
      if (end < 0) break;
      i = end;
    }
    this.keep(s.slice(i));
  }

  private keep(unfinished: string): void {
    if (unfinished.length > MAX_MARKUP) throw new XmlLimitError('markup', `markup of more than ${MAX_MARKUP} bytes`);
    this.carry = unfinished;
  }

  /** Whatever is left unfinished at the end is left alone: the reader after this one says the part is damaged. */
  end(): void {
    this.carry = '';
  }

  private textUpTo(s: string, from: number, to: number): void {
    this.run += to - from;
    if (this.run > this.maxText) throw new XmlLimitError('text', `a run of text over ${this.maxText} bytes`);
    this.events.text?.(s.slice(from, to));
  }

  /** The markup at s[i] === '<': where it ends, or -1 when the piece stops inside it. */
  private markup(s: string, i: number): number {
    if (s.startsWith('<!--', i)) {
      const e = s.indexOf('-->', i + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const e = s.indexOf(']]>', i + 9);
      if (e < 0) return -1;
      this.textUpTo(s, i + 9, e);
      return e + 3;
    }
    // Office parts never carry a DTD (Open Packaging Conventions forbid it), and one is how entity expansion
    // ("billion laughs") gets in.
    if (s.startsWith('<!', i) && /^<!doctype/i.test(s.slice(i, i + 9))) throw new XmlLimitError('dtd', 'a DTD declaration');
    TAG.lastIndex = i;
    const m = TAG.exec(s);
    if (!m) return -1;
    const [raw, mark, qname, rest] = m as unknown as [string, string, string, string];
    if (mark === '' || mark === '/') {
      const kind: TagKind = mark === '/' ? 'close' : rest.endsWith('/') ? 'empty' : 'open';
      if (kind !== 'close') this.elements++;
      this.run = 0;
      this.events.tag?.(qname.slice(qname.indexOf(':') + 1), kind, raw);
    }
    return TAG.lastIndex;
  }
}

const attrPatterns = new Map<string, RegExp>();

/** An attribute's value as written (entities left alone), or undefined. */
export function attribute(raw: string, name: string): string | undefined {
  let re = attrPatterns.get(name);
  if (!re) attrPatterns.set(name, (re = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(raw);
  return m ? (m[1] ?? m[2]) : undefined;
}
