// Pieces several domains' channels share.
import { z } from 'zod';
import { TEXT_MAX } from '../limits';
import { battleCodeSchema, listTypes, taskStatuses } from '../domain';
import { lights } from '../workflow';

export const empty = z.object({}).strict();
export const OK = z.object({ ok: z.literal(true) });

/**
 * A file the person picked, by reference: its path in Electron, an upload's id in browser mode. Large files
 * (a year's bundle of a prefecture is 80 MB) never travel as base64 inside a request.
 */
export const pickedFileSchema = z.object({ name: z.string().max(255), ref: z.string().min(1).max(4096) }).strict();
export type PickedFileRef = z.infer<typeof pickedFileSchema>;

/**
 * A file the core made for the person to keep (a bundle, a document, a spreadsheet), waiting in the core's
 * outbox: the shell saves it where the person chooses (Electron) or streams it as a download (browser mode),
 * then tells the core it was delivered. Its bytes never cross the channel.
 */
export const outgoingFileSchema = z.object({ name: z.string(), ref: z.string(), size: z.number().int().nonnegative() });
export type OutgoingFile = z.infer<typeof outgoingFileSchema>;

export const taskFilterSchema = z
  .object({
    battle: battleCodeSchema.optional(),
    search: z.string().max(200).optional(),
    listType: z.enum(listTypes).optional(),
    unit: z.string().max(TEXT_MAX.unit).optional(),
    status: z.enum(taskStatuses).optional(),
    light: z.enum(lights).optional(),
    /** A plan other than the current one. */
    planId: z.string().max(100).optional(),
  })
  .strict();
