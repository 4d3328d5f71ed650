import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { planSeedSchema, type PlanSeed } from './seed-format';

export function loadSeedFile(file: string): PlanSeed {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('internal', '内置的计划数据无法读取，程序安装可能不完整。', `cannot read seed ${file}: ${(err as Error).message}`);
  }
  const parsed = planSeedSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('internal', '内置的计划数据格式有误，程序安装可能不完整。', `invalid seed ${file}: ${parsed.error.message}`);
  }
  return parsed.data;
}
