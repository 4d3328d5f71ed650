// Local settings of this installation (not synced): the date the ledger is read at and the light thresholds.
import { settingsSchema, type Settings } from '../../../shared/workflow';
import type { Store } from '../store/store';

export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const DEFAULT_SETTINGS = { dueSoonDays: 15, behindPoints: 20 };

export function getSettings(store: Store, now: Date = new Date()): Settings {
  const raw = (store.sqlite.prepare("SELECT value FROM meta WHERE key = 'settings'").get() as { value: string } | undefined)?.value;
  const saved = raw ? settingsSchema.partial().safeParse(JSON.parse(raw)) : undefined;
  return { asOf: todayIso(now), ...DEFAULT_SETTINGS, ...(saved?.success ? saved.data : {}) };
}

/** A change of some settings; the whole that results is checked, since it is what is stored. */
export function setSettings(store: Store, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...getSettings(store), ...patch });
  store.sqlite
    .prepare("INSERT INTO meta (key, value) VALUES ('settings', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    .run(JSON.stringify(next));
  return next;
}
