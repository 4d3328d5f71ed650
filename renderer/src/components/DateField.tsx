// The one way dates are entered: the Chinese date picker, holding an ISO date string (2023-03-16) as the form's
// value, so forms and the core speak the same date and the browser's own date box (English on some PCs) is never shown.
import { DatePicker } from 'antd';
import dayjs from 'dayjs';

export function DateField({
  value,
  onChange,
  width = 170,
  ...rest
}: {
  value?: string;
  onChange?: (v: string) => void;
  width?: number;
  /** Given by Form.Item, so the label names the field (and a screen reader reads it). */
  id?: string;
  'data-testid'?: string;
  minDate?: string;
}) {
  return (
    <DatePicker
      style={{ width }}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      minDate={rest.minDate ? dayjs(rest.minDate) : undefined}
      id={rest.id}
      data-testid={rest['data-testid']}
    />
  );
}
