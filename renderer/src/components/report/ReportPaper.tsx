// The document on screen as it will print: an A4 sheet at reduced scale, drawn from the same blocks the Word
// writer reads. Fonts are named as in the document; the PC's own substitutes show where they are missing.
import type { CSSProperties, ReactNode } from 'react';
import type { ReportBlock, ReportDoc } from '../../../../shared/report';

const FANGSONG = "'仿宋_GB2312', 'FangSong', 'STFangsong', 'Noto Serif CJK SC', serif";
const TITLE = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimSun', 'Noto Serif CJK SC', serif";
const HEI = "'黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif";
const KAI = "'楷体_GB2312', 'KaiTi', 'STKaiti', 'Noto Serif CJK SC', serif";

/** 1 pt on screen at the preview's scale (the sheet is 595 pt wide). */
const PT = 1.1;
const RED = '#e60012';
/** 1 mm of the sheet on screen. */
const MM = (72 / 25.4) * PT;

const body: CSSProperties = { fontFamily: FANGSONG, fontSize: 16 * PT, lineHeight: `${28.95 * PT}px`, margin: 0, textIndent: '2em', textAlign: 'justify' };

function Table({ b }: { b: Extract<ReportBlock, { type: 'table' }> }) {
  const total = b.columns.reduce((n, c) => n + c.width, 0);
  const size = 12 * PT;
  const cell: CSSProperties = { border: '1px solid #000', padding: '2px 4px', fontFamily: FANGSONG, fontSize: size, lineHeight: 1.5, verticalAlign: 'middle' };
  return (
    <>
      <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', margin: '2px 0' }}>
        <colgroup>
          {b.columns.map((c, i) => (
            <col key={i} style={{ width: `${(c.width / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {b.columns.map((c, i) => (
              <th key={i} style={{ ...cell, fontFamily: HEI, fontWeight: 400, textAlign: 'center', whiteSpace: 'nowrap' }}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {b.rows.map((r, i) => (
            <tr key={i}>
              {r.map((text, j) => (
                <td key={j} style={{ ...cell, textAlign: b.columns[j]?.align ?? 'left', whiteSpace: 'pre-wrap' }}>
                  {text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {b.note && <p style={{ ...body, fontFamily: KAI, fontSize: 12 * PT }}>{b.note}</p>}
    </>
  );
}

function Form({ b }: { b: Extract<ReportBlock, { type: 'form' }> }) {
  const cell: CSSProperties = { border: '1px solid #000', padding: '3px 5px', fontFamily: FANGSONG, fontSize: 14 * PT, lineHeight: 1.5, whiteSpace: 'pre-wrap' };
  return (
    <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} data-testid="report-form">
      <colgroup>
        {[16, 34, 16, 34].map((w, i) => (
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <tbody>
        {b.rows.map((r, i) => (
          <tr key={i} style={{ height: r.lines ? r.lines * 14 * PT * 1.5 : undefined }}>
            {r.cells.map((c, j) => (
              <td
                key={j}
                colSpan={c.span ?? 1}
                style={{ ...cell, fontFamily: c.label ? HEI : FANGSONG, textAlign: c.label ? 'center' : c.sign ? 'right' : 'left', verticalAlign: c.sign ? 'bottom' : 'middle' }}
              >
                {c.text}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ b, onField }: { b: ReportBlock; onField: (key: string) => void }): ReactNode {
  switch (b.type) {
    case 'masthead':
      return (
        <div>
          <div style={{ fontFamily: TITLE, fontSize: Math.min(36, Math.floor((442 / [...b.name].length) * 0.96)) * PT, color: RED, textAlign: 'center', margin: `${14 * PT}px 0` }}>{b.name}</div>
          <p style={{ ...body, textIndent: 0, textAlign: 'center' }}>{b.issue}</p>
          <p style={{ ...body, textIndent: 0, display: 'flex', justifyContent: 'space-between', borderBottom: `${3 * PT}px solid ${RED}` }}>
            <span>{b.office}</span>
            <span>{b.date}</span>
          </p>
          <p style={body}>&nbsp;</p>
        </div>
      );
    case 'redHeader':
      return (
        <div>
          <div style={{ fontFamily: TITLE, fontSize: 30 * PT, color: RED, textAlign: 'center', marginBottom: 18 * PT }}>{b.issuer}</div>
          <p style={{ ...body, textIndent: 0, textAlign: 'center', borderBottom: `${1.5 * PT}px solid ${RED}` }}>{b.docNo}</p>
          <p style={body}>&nbsp;</p>
        </div>
      );
    case 'title':
      return (
        <h2 style={{ fontFamily: TITLE, fontWeight: 400, fontSize: 22 * PT, lineHeight: `${28.95 * PT}px`, textAlign: 'center', margin: `0 0 ${28.95 * PT}px`, color: b.color ? `#${b.color}` : undefined }}>
          {b.text}
        </h2>
      );
    case 'form':
      return <Form b={b} />;
    case 'attachments':
      return (
        <div style={{ marginTop: 28.95 * PT }}>
          {b.names.map((n, i) => (
            <p key={n} style={{ ...body, textIndent: 0, paddingLeft: i === 0 ? '2em' : '5em' }}>
              {i === 0 ? '附件：' : ''}
              {b.names.length > 1 ? `${i + 1}．` : ''}
              {n}
            </p>
          ))}
        </div>
      );
    case 'attendance':
      return (
        <p style={{ ...body, textIndent: 0, paddingLeft: '2em', marginTop: 28.95 * PT }}>
          <span style={{ fontFamily: HEI }}>{b.label}：</span>
          {b.text}
        </p>
      );
    case 'annex':
      return (
        <div style={{ borderTop: '1px dashed #bbb', marginTop: 28.95 * PT, paddingTop: 14 * PT }}>
          <p style={{ ...body, textIndent: 0, fontFamily: HEI }}>{b.label}</p>
          <h2 style={{ fontFamily: TITLE, fontWeight: 400, fontSize: 22 * PT, textAlign: 'center', margin: `${14 * PT}px 0 ${28.95 * PT}px` }}>{b.title}</h2>
        </div>
      );
    case 'recipient':
      return <p style={{ ...body, textIndent: 0 }}>{b.text}</p>;
    case 'heading':
      return <p style={{ ...body, fontFamily: b.level === 1 ? HEI : KAI }}>{b.text}</p>;
    case 'paragraph':
      return (
        <p
          style={{ ...body, fontFamily: b.kai ? KAI : FANGSONG, cursor: b.field ? 'pointer' : undefined }}
          className={b.field ? 'report-editable' : undefined}
          title={b.field ? '点击在左侧修改' : undefined}
          onClick={b.field ? () => onField(b.field!) : undefined}
        >
          {b.text}
        </p>
      );
    case 'table':
      return <Table b={b} />;
    case 'signature':
      return (
        <div style={{ marginTop: 28.95 * PT, textAlign: 'right', paddingRight: '4em' }}>
          <p style={{ ...body, textIndent: 0, textAlign: 'center', display: 'inline-block' }}>
            {b.office}
            <br />
            {b.date}
          </p>
        </div>
      );
    case 'tail':
      return (
        <div style={{ marginTop: 28.95 * PT, fontFamily: FANGSONG, fontSize: 14 * PT, lineHeight: 1.8 }}>
          <div style={{ borderTop: '1px solid #000', borderBottom: '1px solid #000', padding: '0 1em' }}>
            {b.lines.map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
          <div style={{ textAlign: 'right', paddingRight: '1em' }}>{b.copies}</div>
        </div>
      );
    case 'imprint':
      return (
        <div style={{ marginTop: 28.95 * PT, fontFamily: FANGSONG, fontSize: 14 * PT, lineHeight: 1.8, borderTop: '1px solid #000', borderBottom: '1px solid #000' }}>
          {b.cc && <div style={{ padding: '0 1em', borderBottom: '0.5px solid #000' }}>{b.cc}</div>}
          <div style={{ padding: '0 1em', display: 'flex', justifyContent: 'space-between' }}>
            <span>{b.printer}</span>
            <span>{b.printedOn}</span>
          </div>
        </div>
      );
  }
}

export function ReportPaper({ doc, onField }: { doc: ReportDoc; onField: (key: string) => void }) {
  return (
    <div
      data-testid="report-paper"
      style={{
        width: 595 * PT,
        minHeight: 842 * PT,
        padding: `${MM * 37}px ${MM * 26}px ${MM * 35}px ${MM * 28}px`,
        background: '#fff',
        boxShadow: '0 1px 6px rgba(0,0,0,.18)',
        margin: '0 auto',
        color: '#000',
      }}
    >
      {doc.draft && (
        <div style={{ color: '#c00', border: '1px solid #c00', display: 'inline-block', padding: '0 8px', fontFamily: HEI, marginBottom: 8 }} data-testid="report-draft-mark">
          草稿（报告期未结束）
        </div>
      )}
      {doc.blocks.map((b, i) => (
        <Block key={i} b={b} onField={onField} />
      ))}
    </div>
  );
}
