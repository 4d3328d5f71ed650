// The editable parts of a document: each has a drafted default, and what the person typed wins. The same list
// drives the form beside the preview.
import type { ReportField } from '../../../../shared/report';

export class Fields {
  readonly list: ReportField[] = [];

  constructor(private readonly typed: Readonly<Record<string, string>>) {}

  /** The field's text: what was typed (even empty, which omits optional parts), else the draft. */
  text(key: string, label: string, draft: string, opts: { multiline?: boolean; hint?: string } = {}): string {
    const value = Object.prototype.hasOwnProperty.call(this.typed, key) ? this.typed[key]!.trim() : draft;
    this.list.push({ key, label, value, multiline: opts.multiline ?? false, ...(opts.hint ? { hint: opts.hint } : {}) });
    return value;
  }

  /** Only what differs from the drafts is remembered with the issued document. */
  edited(): Record<string, string> {
    return Object.fromEntries(this.list.filter((f) => Object.prototype.hasOwnProperty.call(this.typed, f.key)).map((f) => [f.key, f.value]));
  }
}

/** Multi-paragraph text as one paragraph per non-empty line. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}
