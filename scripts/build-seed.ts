// Regenerates seeds/plan-2023.json: the importer's draft of the plan's text (../shared/source/) with the
// unit directory (seeds/units.json) and the committed corrections (seeds/corrections-2023.json).
// Tests check the result against the source, so a parser change shows up as a seed diff.
//   npx tsx scripts/build-seed.ts [SOURCE.txt]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSeed } from '../electron/core/plan/build-seed';

const sourceDir = resolve('../shared/source');
const source = process.argv[2] ?? join(sourceDir, readdirSync(sourceDir).find((f) => f.endsWith('.txt'))!);
const { seed, problems, corrections } = buildSeed(readFileSync(source, 'utf8'), 'seeds');
writeFileSync('seeds/plan-2023.json', `${JSON.stringify(seed, null, 1)}\n`);
for (const p of problems) console.log(`  ! ${p}`);
const targets = seed.tasks.reduce((n, t) => n + t.targets.length, 0) + seed.battles.reduce((n, b) => n + b.targets.length, 0);
console.log(
  `seeds/plan-2023.json: ${seed.battles.length} battles, ${seed.sections.length} sections, ${seed.tasks.length} tasks, ` +
    `${targets} targets, ${seed.units.length} units, ${corrections} corrections, ${problems.length} problems`,
);
