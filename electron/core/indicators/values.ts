// 填报完成值: the owner unit enters one actual per period; every report and chart reads it from here.
import { v5 as uuidv5 } from 'uuid';
import { AppError } from '../../../shared/errors';
import { checkValuePeriod } from '../../../shared/indicators';
import type { Identity } from '../../../shared/workflow';
import { requirePermission } from '../ledger/permissions';
import { planInfo } from '../ledger/queries';
import type { Store } from '../store/store';
import { indicatorScope } from './dictionary';

const VALUE_NS = '4e9c1b7a-2d63-4f8e-b0a5-97c3d1e6f240';

export interface ValueInput {
  id: string;
  period: string;
  value: number;
  note?: string;
  /** Correct an actual already entered for this period (otherwise a second entry is refused). */
  replace?: boolean;
}

export function setIndicatorValue(store: Store, who: Identity, input: ValueInput, today: string): void {
  const ind = indicatorScope(store, input.id);
  requirePermission(who, 'indicator.report', { battle: ind.battle, leadUnitIds: [ind.ownerUnitId], coUnitIds: [] });
  const why = checkValuePeriod(ind.cadence, input.period, planInfo(store).year);
  if (why) throw new AppError('bad_input', why, `period ${input.period} for ${ind.cadence}`);
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) throw new AppError('bad_input', '完成值应为数字。', `value ${String(input.value)}`);
  const rate = ind.kind === 'growth' || ind.kind === 'ratio';
  if (rate ? input.value < -100 || input.value > 1000 : input.value < 0 || input.value > 1e12) {
    throw new AppError('bad_input', rate ? '增速应在 -100 到 1000 之间（单位：%）。' : '完成值不能为负数，也不应超过一万亿。', `value ${input.value} out of range for ${ind.kind}`);
  }
  const id = uuidv5(`${input.id}|${input.period}`, VALUE_NS);
  const had = store.sqlite.prepare('SELECT value FROM indicator_values WHERE id = ? AND deleted = 0').get(id) as { value: number } | undefined;
  if (had && !input.replace) {
    throw new AppError('bad_input', `“${ind.name}”${input.period} 已填报（${had.value}${ind.unit}）。如需更正，请选择“更正”。`, `duplicate value ${input.id} ${input.period}`);
  }
  const note = (input.note ?? '').trim().slice(0, 200);
  store.log.append([{ entity: 'indicatorValue', entityId: id, op: 'put', fields: { indicatorId: input.id, period: input.period, value: input.value, note, unitId: who.officeUnitId, enteredOn: today } }]);
}
