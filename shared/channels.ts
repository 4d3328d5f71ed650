// Channel names alone, without their schemas, so the preload stays a few lines with no dependencies.
// contract.ts is type-checked to define exactly these channels.
export const channelNames = ['app.info', 'plan.overview', 'tasks.list', 'units.list', 'plan.import'] as const;
export type ChannelName = (typeof channelNames)[number];
