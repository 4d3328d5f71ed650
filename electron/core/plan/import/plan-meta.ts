// The covering notice: document number, issuer, date and the title of the plan it issues.

export interface PlanMeta {
  title: string;
  docNo: string;
  issuer: string;
  issuedOn: string;
  year: number;
}

const DOC_NO = /^([\u4e00-\u9fff]{1,8}发)\s*[〔［[（(]\s*(\d{4})\s*[〕］\]）)]\s*(\d+)\s*号/;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

export function parsePlanMeta(notice: readonly string[], fallbackTitle: string): { meta: PlanMeta; problems: string[] } {
  const problems: string[] = [];
  const joined = notice.join('');
  // Line by line: joined, the masthead "…政府文件" would run into the number ("文件吉政发…").
  const doc = notice.map((l) => DOC_NO.exec(l.replace(/\s+/g, ''))).find(Boolean) ?? null;
  // Official numbers use 六角括号 〔〕 and no leading zeros, whatever the extraction made of them.
  const docNo = doc ? `${doc[1]}〔${doc[2]}〕${Number(doc[3])}号` : '';
  if (!doc) problems.push('未找到发文字号（如“吉政发〔2023〕3号”）。');
  const dateAt = notice.findIndex((l) => DATE.test(l));
  let issuedOn = '';
  let issuer = '';
  if (dateAt >= 0) {
    const d = DATE.exec(notice[dateAt]!)!;
    issuedOn = `${d[1]}-${d[2]!.padStart(2, '0')}-${d[3]!.padStart(2, '0')}`;
    issuer = notice[dateAt - 1] ?? '';
  } else problems.push('未找到成文日期（如“2023年3月16日”）。');
  const title = /关于印发《([^》]+)》/.exec(joined)?.[1] ?? fallbackTitle;
  const year = Number(issuedOn.slice(0, 4)) || Number(doc?.[2]) || 0;
  return { meta: { title, docNo, issuer, issuedOn, year }, problems };
}
