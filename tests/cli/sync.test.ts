import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/temp-store';


describe('ledger bundle / digest / keys', () => {
  it('a unit and its taskforce exchange files and end with equal digests', async () => {
    const dir = tempDir();
    const stick = join(dir, 'stick');
    const unit = join(dir, 'unit.db');
    const tf = join(dir, 'tf.db');
    await cli(['init', '--db', unit, '--office', '市商务局', '--role', 'unit']);
    await cli(['init', '--db', tf, '--office', '市发改局', '--role', 'taskforce', '--battle', '1']);
    await cli(['progress', 'add', '--db', unit, '--task', '1.1.1', '--period', '2023-06-3', '--percent', '100', '--text', '完成']);
    await cli(['closeout', 'request', '--db', unit, '--task', '1.1.1', '--text', '全年目标已完成', '--below-full']);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(stick);
    expect((await cli(['bundle', 'export', '--db', unit, '--out', stick, '--full'])).code).toBe(0);
    const [file] = readdirSync(stick);
    expect(file).toMatch(/^市商务局_至_全部_\d{8}-\d{6}\.ledger\.json$/);
    const path = join(stick, file!);
    expect((await cli(['bundle', 'verify', path])).out).toMatch(/有效：市商务局/);
    const untrusted = await cli(['bundle', 'import', path, '--db', tf]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.err).toMatch(/核对指纹/);
    expect((await cli(['bundle', 'import', path, '--db', tf, '--trust'])).out).toMatch(/新 3 条/);
    expect((await cli(['bundle', 'import', path, '--db', tf, '--trust'])).out).toMatch(/此前已导入过/);

    await cli(['closeout', 'approve', '--db', tf, '--task', '1.1.1']);
    const unitId = JSON.parse((await cli(['keys', '--db', unit, '--json'])).out).own.replica as string;
    expect((await cli(['bundle', 'export', '--db', tf, '--out', stick, '--for', unitId])).out).toMatch(/已导出 2 条记录/);
    const back = readdirSync(stick).find((f) => f.startsWith('市发改局_至_市商务局'))!;
    expect((await cli(['bundle', 'import', join(stick, back), '--db', unit, '--trust'])).code).toBe(0);
    expect((await cli(['digest', '--db', unit])).out).toBe((await cli(['digest', '--db', tf])).out);
  });

  it('bundle verify exits 2 with the reason for a damaged file', async () => {
    const dir = tempDir();
    const bad = join(dir, 'x.ledger.json');
    writeFileSync(bad, '{"format":"zhuanban-bundle","version":[1,0]');
    const r = await cli(['bundle', 'verify', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不完整或已损坏/);
  });
});

describe('bundle export names the file for the offices, inside the folder named', () => {
  it('an office name typed with a slash or “..” (a plan draft takes any unit name) adds no folder to the path', async () => {
    const { readFileSync, mkdirSync, existsSync } = await import('node:fs');
    const { openStore } = await import('../../electron/core/store/open-store');
    const { createHandlers } = await import('../../electron/core/handlers');
    const { caller } = await import('../helpers/call');
    const dir = tempDir();
    const db = join(dir, 'office.db');
    const office = '../escaped/市住建局/市城管局';
    const store = openStore(db, { withoutSeed: true });
    try {
      const call = caller(createHandlers({ store, version: '0' }));
      const seed = JSON.parse(readFileSync(join(import.meta.dirname, '../../seeds/plan-2023.json'), 'utf8'));
      seed.plan.code = 'draft-2023';
      seed.units.push({ name: office, aliases: [], kind: 'unit' });
      seed.tasks[0].leadUnits = [office];
      await call('plan.save', { seed });
      await call('identity.set', { office, role: 'unit' });
    } finally {
      store.close();
    }
    const stick = join(dir, 'stick');
    mkdirSync(stick);
    const r = await cli(['bundle', 'export', '--db', db, '--out', stick, '--full']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [file] = readdirSync(stick);
    expect(file).toMatch(/^\.\._escaped_市住建局_市城管局_至_全部_\d{8}-\d{6}\.ledger\.json$/);
    expect(existsSync(join(dir, 'escaped'))).toBe(false);
  });
});
