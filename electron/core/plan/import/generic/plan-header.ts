// A plan's title, 文号, issuer and date, wherever a county prints them: a masthead and a covering notice
// ("关于印发《…》的通知"), a web page's metadata ("发文机关：", "成文日期："), a title split over two lines,
// a date after the 附件 list, a date in Chinese numerals (二〇二三年三月十六日).
import type { NumberedLine } from './numbered-items';

export interface PlanHeader {
  title: string;
  docNo: string;
  issuer: string;
  issuedOn: string;
  year: number;
}

const DOC_NO = /([\u4e00-\u9fff]{1,12}?)\s*[〔［[【(（]\s*(\d{4})\s*[〕］\]】)）]\s*(\d{1,4})\s*号/;
const CN_NUM: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', Ｏ: '0', O: '0', o: '0', '○': '0' };
const TITLE_END = /(实施方案|工作方案|行动方案|方案|行动计划|工作计划|计划|任务清单|清单|分工方案|责任分工|任务分解表|分解表|工作要点|要点|工作安排|安排|若干措施|措施|实施意见|意见|项目|任务|登记表|一览表|进度表|明细表|汇总表|统计表)$/;

function cnDate(text: string): string {
  const s = text.replace(/\s+/g, '');
  const arabic = /^(?:成文日期[:：])?(\d{4})[年\-./](\d{1,2})[月\-./](\d{1,2})日?$/.exec(s);
  if (arabic) return `${arabic[1]}-${arabic[2]!.padStart(2, '0')}-${arabic[3]!.padStart(2, '0')}`;
  const cn = /^([〇零一二三四五六七八九Ｏ○Oo]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$/.exec(s);
  if (!cn) return '';
  const num = (t: string) => (t === '十' ? 10 : t.startsWith('十') ? 10 + Number(CN_NUM[t[1]!]) : t.endsWith('十') ? Number(CN_NUM[t[0]!]) * 10 : t.includes('十') ? Number(CN_NUM[t[0]!]) * 10 + Number(CN_NUM[t[2]!]) : Number(CN_NUM[t]));
  const y = [...cn[1]!].map((c) => CN_NUM[c]).join('');
  return `${y}-${String(num(cn[2]!)).padStart(2, '0')}-${String(num(cn[3]!)).padStart(2, '0')}`;
}

const ISSUER = /^[\u4e00-\u9fff（）()]{2,30}(人民政府|人民政府办公室|政府办公室|办公室|委员会|领导小组|指挥部|办公厅|工作专班|管委会|党委|政府)$/;

export function readPlanHeader(lines: readonly NumberedLine[], webMeta: readonly string[]): { header: PlanHeader; problems: string[] } {
  const problems: string[] = [];
  const texts = lines.map((l) => l.text);
  const head = texts.slice(0, 60);
  const all = [...webMeta, ...head];

  const doc = all.map((l) => DOC_NO.exec(l.replace(/\s+/g, ''))).find(Boolean);
  const docNo = doc ? `${doc[1]!.replace(/^(文号|发文字号)[:：]?/, '')}〔${doc[2]}〕${Number(doc[3])}号` : '';

  // The plan's own title: inside 《》 of a covering notice, else the first line (or two) shaped like a title.
  let title = '';
  const notice = head.join('').match(/关于印发\s*《?([^》]{4,80}?)》?\s*的通知/);
  if (notice) title = notice[1]!.replace(/\s+/g, '');
  if (!title) {
    for (let i = 0; i < head.length; i++) {
      const a = head[i]!.replace(/\s+/g, '');
      if (a.length > 60 || /[。；]/.test(a) || /^(附件|来源|各|现将)/.test(a)) continue;
      if (TITLE_END.test(a) && a.length >= 6) {
        title = a;
        break;
      }
      const b = (head[i + 1] ?? '').replace(/\s+/g, '');
      if (b && a.length + b.length <= 60 && TITLE_END.test(b) && !/[，。；：:]$/.test(a) && !/^[（(一二三四五六七八九十\d]/.test(b)) {
        title = a + b;
        break;
      }
    }
  }
  if (!title) problems.push('未找到方案标题，请在草稿中填写。');

  const metaIssuer = webMeta.map((l) => /^(发文机关|发布机构|发文单位)[:：]\s*(.+)$/.exec(l)?.[2]).find(Boolean) ?? '';
  const metaDate = webMeta.map((l) => /^(成文日期|发文日期)[:：]\s*(.+)$/.exec(l)?.[2]).map((d) => (d ? cnDate(d) : '')).find(Boolean) ?? '';
  let issuedOn = metaDate;
  let issuer = metaIssuer;
  // The signature block: an issuer line over a date line, anywhere (often after the 附件 list).
  for (let i = 0; i < texts.length && !issuedOn; i++) {
    const d = cnDate(texts[i]!);
    if (!d) continue;
    issuedOn = d;
    const above = texts[i - 1]?.replace(/\s+/g, '') ?? '';
    if (!issuer && ISSUER.test(above)) issuer = above;
  }
  if (!issuer) issuer = /^(.{2,30}?(人民政府办公室|人民政府|办公室|委员会|办公厅))关于印发/.exec(head.join(''))?.[1] ?? '';
  if (!issuer) issuer = head.map((l) => l.replace(/\s+/g, '')).find((l) => ISSUER.test(l) && l.length <= 20) ?? '';

  const titleYear = /(20\d{2})\s*年/.exec(title)?.[1];
  // Last, the page's own dates ("发布时间:2021-05-06") or a year named near the top.
  const pageYear = [...webMeta, ...head.slice(0, 12)].map((l) => /(20\d{2})\s*[-年.\/]/.exec(l)?.[1]).find(Boolean);
  const year = Number(titleYear) || Number(issuedOn.slice(0, 4)) || Number(doc?.[2]) || Number(pageYear) || 0;
  if (!docNo) problems.push('未找到发文字号，可在草稿中补填。');
  if (!issuedOn) problems.push('未找到成文日期，可在草稿中补填。');
  return { header: { title, docNo, issuer, issuedOn, year }, problems };
}
