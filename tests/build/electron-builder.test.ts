// The installer configuration says what issue 8 asks of it; the Electron binary cannot be fetched here, so the
// installers themselves are built elsewhere (README, "Installers") and this checks the recipe.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { resourcePaths } from '../../electron/core/paths';
import { tempDir } from '../helpers/temp-store';
import { mkdirSync, writeFileSync } from 'node:fs';

type Target = { target: string; arch: string[] };
const config = yaml.load(readFileSync(join(import.meta.dirname, '../../electron-builder.yml'), 'utf8')) as {
  files: string[];
  extraResources: { from: string; to: string }[];
  asarUnpack: string[];
  npmRebuild: boolean;
  win: { target: Target[] };
  nsis: { oneClick: boolean; perMachine: boolean; allowToChangeInstallationDirectory: boolean };
  linux: { target: Target[] };
};

describe('installers', () => {
  it('Windows: NSIS, per machine, the folder chosen at install', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, allowToChangeInstallationDirectory: true });
  });

  it('Linux: deb and AppImage for x64 and arm64', () => {
    expect(config.linux.target).toEqual([
      { target: 'deb', arch: ['x64', 'arm64'] },
      { target: 'AppImage', arch: ['x64', 'arm64'] },
    ]);
  });

  it('better-sqlite3 rebuilt for Electron and outside the asar; migrations and seeds as resources', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.extraResources).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'electron/core/store/migrations', to: 'migrations' }), expect.objectContaining({ from: 'seeds', to: 'seeds' })]),
    );
    expect(config.files).toContain('out/**');
  });

  it('the installed program finds migrations and the seed among its resources', () => {
    const res = tempDir();
    mkdirSync(join(res, 'migrations'));
    mkdirSync(join(res, 'seeds'));
    writeFileSync(join(res, 'seeds', 'plan-2023.json'), '{}');
    const p = resourcePaths(undefined, res);
    expect(p.migrationsDir).toBe(join(res, 'migrations'));
    expect(p.seedFile).toBe(join(res, 'seeds', 'plan-2023.json'));
    // Without resources (source tree, tests, CLI) they come from the package.
    expect(resourcePaths(undefined, undefined).migrationsDir).toMatch(/electron\/core\/store\/migrations$/);
  });
});
