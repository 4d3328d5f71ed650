// A .docx is checked before mammoth reads it: a document part that inflates to a gigabyte (the tester's took
// 2.2–4 GB to read), whether its headers say so or not, or one of a few hundred kilobytes that mammoth would
// build hundreds of thousands of objects of. Each is refused with its reason, at once and in little memory.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { readPlanDocument } from '../../../../electron/core/plan/import/read-document';
import { bombPart, deflatedPart, docxWith, measure, MB, streamedPart, type RawPart } from '../../../helpers/hostile-files';

const BODY = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';

async function refused(label: string, document: RawPart, reason: RegExp) {
  const bytes = await docxWith(document);
  const m = await measure(label, () => readPlanDocument(bytes, '方案.docx'));
  expect(m.error, label).toBeInstanceOf(AppError);
  expect((m.error as AppError).message, label).toMatch(reason);
  expect(m.ms, label).toBeLessThan(3000);
  if (m.peakMB !== null) expect(m.peakMB - m.beforeMB, label).toBeLessThan(300);
  return bytes;
}

describe('a Word file refused before mammoth reads it', () => {
  it('refuses a document part of a gigabyte, by its headers or (they lying) by what it inflates to', async () => {
    const gigabyte = (declared?: number) => bombPart('', { prefix: `${BODY}<w:p><w:r><w:t>`, fill: Buffer.alloc(MB, 0x20), times: 1024, suffix: '</w:t></w:r></w:p></w:body></w:document>', ...(declared ? { declared } : {}) });
    const bytes = await refused('1 GB document', gigabyte(), /Word 文件“方案.docx”解压后过大（其中“word\/document.xml”声明 1024 MB，每个部件最多 32 MB），可能是“压缩炸弹”/);
    expect(bytes.length).toBeLessThan(2 * MB);
    await refused('1 GB document, size declared small', gigabyte(1000), /Word 文件“方案.docx”解压后过大（“word\/document.xml”超过 32 MB）/);
  });

  it('refuses a document of more elements than mammoth can hold, and one with a DTD', async () => {
    function* paragraphs() {
      yield BODY;
      for (let i = 0; i < 60_000; i += 1000) yield Array.from({ length: 1000 }, (_, j) => `<w:p><w:r><w:t>第${i + j}段</w:t></w:r></w:p>`).join('');
      yield '</w:body></w:document>';
    }
    await refused('180,000 elements', streamedPart('', paragraphs()), /Word 文件“方案.docx”的内容过于繁杂（XML 元素超过 150000 个）/);
    const laughs = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${BODY}<w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    await refused('DTD', deflatedPart('', laughs), /含有 DTD 声明（“word\/document.xml”）/);
  });
});
