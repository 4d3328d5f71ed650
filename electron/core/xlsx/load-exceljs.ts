// exceljs, with the zip and stream libraries behind it, took ~150 ms of every start-up to load, for something
// used only when a table is imported or exported: it loads on that first use instead.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => ((m as { default?: typeof ExcelJS }).default ?? (m as unknown as typeof ExcelJS)));
  return loading;
}
