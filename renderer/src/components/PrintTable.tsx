// What 打印 puts on paper: the current view as a plain table (not the virtualised one, which only holds the
// rows on screen), A4 landscape, header row repeated on every page by the browser's table printing.
import type { TaskRow } from '../../../shared/domain';
import { taskStatusLabel } from '../../../shared/labels';
import { chineseDate } from '../../../shared/period';
import { useLedgerPick } from '../state';
import { LIGHT } from './LightTag';

export function PrintTable({ tasks, caption }: { tasks: readonly TaskRow[]; caption: string }) {
  const { plan, settings, identity } = useLedgerPick('plan', 'settings', 'identity');
  return (
    <div className="print-only" data-testid="print-table">
      <h1>{plan?.title} 任务台账</h1>
      <p>
        {caption}　共 {tasks.length} 项　台账日期：{settings ? chineseDate(settings.asOf) : ''}　{identity ? `制表：${identity.officeName}` : ''}
      </p>
      <table>
        <thead>
          <tr>
            <th style={{ width: '7%' }}>编号</th>
            <th style={{ width: '11%' }}>工作任务</th>
            <th>任务</th>
            <th style={{ width: '14%' }}>牵头单位</th>
            <th style={{ width: '14%' }}>配合单位</th>
            <th style={{ width: '6%' }}>责任人</th>
            <th style={{ width: '8%' }}>完成时限</th>
            <th style={{ width: '6%' }}>进度</th>
            <th style={{ width: '7%' }}>预警</th>
            <th style={{ width: '7%' }}>状态</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.id}>
              <td>{t.code}</td>
              <td>{t.group || t.section}</td>
              <td>{t.title}</td>
              <td>{t.leadUnits.join('、')}</td>
              <td>{t.coUnits.join('、')}</td>
              <td>{t.leadPerson || t.handler}</td>
              <td>{t.dueDate ? chineseDate(t.dueDate) : '年底'}</td>
              <td className="num">{t.percent === null ? '—' : `${t.percent}%`}</td>
              <td>
                {LIGHT[t.light].mark}
                {LIGHT[t.light].word}
              </td>
              <td>{taskStatusLabel[t.status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
