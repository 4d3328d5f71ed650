// Channel names alone, without their schemas, so the preload stays a few lines with no dependencies.
// contract.ts is type-checked to define exactly these channels.
export const channelNames = [
  'app.info',
  'plan.overview',
  'plan.import',
  'units.list',
  'identity.get',
  'identity.set',
  'settings.get',
  'settings.set',
  'dashboard.get',
  'tasks.list',
  'task.detail',
  'task.update',
  'task.split',
  'task.add',
  'progress.report',
  'evidence.get',
  'closeout.request',
  'closeout.decide',
  'closeout.reopen',
  'closeout.queue',
  'sync.info',
  'sync.export',
  'sync.import',
  'conflicts.settle',
] as const;
export type ChannelName = (typeof channelNames)[number];
