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
  'disk_full',
  'read_only',
  'store_busy',
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
    // Our own schemas say what is wrong in Chinese (报告期应为 2023-03-3…): shown as it is; zod's English is not.
    const said = first?.message && /[\u4e00-\u9fff]/.test(first.message) ? first.message : where;
    return new AppError('bad_input', `输入不符合要求：${said}`, `invalid input at ${where}: ${first?.message ?? err.message}`);
  }
  const detail = err instanceof Error ? err.message : String(err);
  const storage = storageError(err, detail);
  if (storage) return storage;
  return new AppError('internal', '操作未完成，发生了内部错误，数据未被修改。', detail);
}

/** SQLite's and the file system's failures that a person can act on (free space, permissions, a second copy
 * of the program), recognised by their codes; the transaction they interrupted was rolled back. */
function storageError(err: unknown, detail: string): AppError | null {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('disk_full', '磁盘空间已满，本次操作未保存，已有数据完好。请清理磁盘（或换一个有空间的文件夹）后重试。', `${code}: ${detail}`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code.startsWith('SQLITE_CANTOPEN')) {
    return new AppError('read_only', '台账所在的文件夹不可写（只读、无权限或U盘已写保护），本次操作未保存。请换一个可写的文件夹。', `${code}: ${detail}`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('store_busy', '台账正被另一个专班台账程序使用，请关闭另一个窗口后重试。本次操作未保存。', `${code}: ${detail}`);
  }
  return null;
}
