// The shipped seed is the importer's draft of the source document, corrected by a small committed file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyCorrections, correctionsSchema } from './corrections';
import { importPlanText } from './import/import-plan';
import { unitDirectorySchema } from './unit-directory-file';
import { planSeedSchema, type PlanSeed } from './seed-format';

export function buildSeed(sourceText: string, seedsDir: string): { seed: PlanSeed; problems: string[]; corrections: number } {
  const directory = unitDirectorySchema.parse(JSON.parse(readFileSync(join(seedsDir, 'units.json'), 'utf8')));
  const { draft, problems } = importPlanText(sourceText, directory.units);
  const corrections = correctionsSchema.parse(JSON.parse(readFileSync(join(seedsDir, 'corrections-2023.json'), 'utf8')));
  const applied = applyCorrections(draft, corrections);
  return { seed: planSeedSchema.parse(draft), problems, corrections: applied };
}
