// The editable parts of a document: each has a drafted default, and what the person typed wins. The same list
// drives the form beside the preview. What was typed is checked here: a part that must not be empty, a length,
// a choice among values; the first fault is refused in Chinese and nothing is numbered.
import { AppError } from '../../../../shared/errors';
import type { ReportField } from '../../../../shared/report';

export interface FieldRules {
  multiline?: boolean;
  hint?: string;
  /** Refused when typed empty. */
  required?: boolean;
  /** Longest text accepted, in characters. */
  max?: number;
  /** The only values accepted (after trimming). */
  oneOf?: readonly string[];
  /** The characters the value may be made of, and how to say so. */
  pattern?: { re: RegExp; what: string };
}

export class Fields {
  readonly list: ReportField[] = [];
  private readonly faults: { message: string; detail: string }[] = [];

  constructor(private readonly typed: Readonly<Record<string, string>>) {}

  /** The field's text: what was typed (even empty, which omits optional parts), else the draft. */
  text(key: string, label: string, draft: string, opts: FieldRules = {}): string {
    const given = Object.prototype.hasOwnProperty.call(this.typed, key);
    const value = given ? this.typed[key]!.trim() : draft;
    this.list.push({ key, label, value, multiline: opts.multiline ?? false, ...(opts.hint ? { hint: opts.hint } : {}) });
    if (given) {
      if (opts.required && !value) this.faults.push({ message: `“${label}”不能为空。`, detail: `${key} empty` });
      else if (opts.max && value.length > opts.max) this.faults.push({ message: `“${label}”最多${opts.max}个字，现有${value.length}个字。`, detail: `${key} too long` });
      else if (opts.oneOf && value && !opts.oneOf.includes(value)) this.faults.push({ message: `“${label}”应为${opts.oneOf.join('、')}之一，收到“${value}”。`, detail: `${key} ${value}` });
      else if (opts.pattern && value && !opts.pattern.re.test(value)) this.faults.push({ message: `“${label}”应为${opts.pattern.what}，收到“${value}”。`, detail: `${key} ${value}` });
    }
    return value;
  }

  /** Refuses what was typed for parts this document does not have, and the first fault of a typed part. */
  check(typedKeys: readonly string[]): void {
    const known = new Set(this.list.map((f) => f.key));
    const unknown = typedKeys.filter((k) => !known.has(k));
    if (unknown.length) {
      throw new AppError('bad_input', `这份公文没有名为“${unknown[0]}”的可改文字；可改的有：${this.list.map((f) => `${f.key}（${f.label}）`).join('、')}。`, `unknown text ${unknown.join(',')}`);
    }
    const f = this.faults[0];
    if (f) throw new AppError('bad_input', f.message, f.detail);
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
