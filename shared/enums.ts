// The closed sets of values the domain uses, in one module both domain.ts and workflow.ts import.
export const listTypes = ['project', 'work', 'responsibility'] as const;
export type ListType = (typeof listTypes)[number];

/** Status is derived from events (progress, close-out), never typed by hand. */
export const taskStatuses = ['not_started', 'in_progress', 'lagging', 'pending_closeout', 'closed'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

/** green 正常 · blue 临近 (deadline close) · yellow 预警 · red 逾期 · done 已销号. */
export const lights = ['green', 'blue', 'yellow', 'red', 'done'] as const;
export type Light = (typeof lights)[number];

export const roles = ['center', 'taskforce', 'unit'] as const;
export type Role = (typeof roles)[number];
