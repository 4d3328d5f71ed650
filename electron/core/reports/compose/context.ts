import type { ReportBlock } from '../../../../shared/report';
import type { Identity } from '../../../../shared/workflow';
import type { ReportFigures } from '../figures';
import type { Fields } from './fields';

/** 会议纪要's matter. Declared here, not beside composeMinutes: minutes.ts imports this module. */
export interface MeetingRecord {
  meeting: { month: string; heldOn: string; place: string; chair: string; attendees: string; minutes: string };
  decisions: { text: string; kind: 'note' | 'task' | 'problem'; ref: string }[];
}

export interface ComposeContext {
  figures: ReportFigures;
  who: Identity;
  number: number;
  /** The date the ledger is read at: the default issue date. */
  today: string;
  fields: Fields;
  /** 督办单: the unit supervised (its directory name and id). */
  unit?: string;
  unitId?: string;
  /** 会议纪要: the month's 调度会 and its decisions. */
  meeting?: MeetingRecord;
}

export interface Composed {
  title: string;
  blocks: ReportBlock[];
}
