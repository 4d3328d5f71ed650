// Which plan the pages show, when the ledger holds more than one (next year's beside this year's, a county's
// own beside the city's). Choosing changes only this computer's view; nothing saved is hidden.
import { Select } from 'antd';
import { request } from '../../api';
import { useLedgerPick } from '../../state';

export function PlanSwitcher() {
  const { plans, load } = useLedgerPick('plans', 'load');
  if (plans.length < 2) return null;
  const current = plans.find((p) => p.current);
  return (
    <Select
      size="small"
      style={{ width: 320 }}
      value={current?.id}
      data-testid="plan-switcher"
      options={plans.map((p) => ({ value: p.id, label: `${p.year}年 ${p.title}（${p.tasks}项）` }))}
      onChange={async (planId: string) => {
        await request('plan.use', { planId });
        await load();
      }}
      popupMatchSelectWidth={false}
    />
  );
}
