// Every failure the user can meet carries a Chinese message for the screen and an English detail for logs.
import { z } from 'zod';

export const errorCodes = [
  'bad_input',
  'not_found',
  'store_missing',
  'store_corrupt',
  'store_exists',
  'store_newer',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  detail: z.string(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string;

  constructor(code: ErrorCode, message: string, detail: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
  }

  toJSON(): AppErrorShape {
    return { code: this.code, message: this.message, detail: this.detail };
  }
}

/** Turns anything thrown into the shape the renderer and the CLI show, never leaking a stack to the user. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof z.ZodError) {
    const first = err.issues[0];
    const where = first?.path.join('.') || '(root)';
    return new AppError('bad_input', `输入不符合要求：${where}`, `invalid input at ${where}: ${first?.message ?? err.message}`);
  }
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('internal', '操作未完成，发生了内部错误，数据未被修改。', detail);
}
