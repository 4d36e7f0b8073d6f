import { describe, expect, it } from 'vitest';
import { uploadOutcome, uploadPath } from './evidenceUpload';

const refused415 = {
  error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only PDF, PNG and JPEG files are kept as evidence', messageZh: '仅接受 PDF、PNG、JPEG 格式的证明材料' },
};

describe('evidence upload', () => {
  it('posts to the inspection with the file name in the query', () => {
    expect(uploadPath('Inspection:12', '视察记录 1.pdf')).toBe('/evidence/inspections/Inspection%3A12?filename=%E8%A7%86%E5%AF%9F%E8%AE%B0%E5%BD%95+1.pdf');
  });

  it('reads a stored file', () => {
    const file = { id: 'EvidenceFile:1', filename: 'a.pdf', contentType: 'application/pdf', size: 9, sha256: 'ab', url: '/evidence/1' };
    expect(uploadOutcome(201, { file }, 'zh-CN', '失败')).toEqual({ ok: true, file });
  });

  it("says a refusal in the reader's language, with its code", () => {
    expect(uploadOutcome(415, refused415, 'zh-CN', '失败')).toEqual({ ok: false, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '仅接受 PDF、PNG、JPEG 格式的证明材料' });
    expect(uploadOutcome(415, refused415, 'en', 'failed')).toMatchObject({ message: 'Only PDF, PNG and JPEG files are kept as evidence' });
    expect(uploadOutcome(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than 10 MB' } }, 'zh-CN', '失败')).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The file is larger than 10 MB',
    });
  });

  it('falls back to the status when the body says nothing', () => {
    expect(uploadOutcome(502, null, 'zh-CN', '上传失败')).toEqual({ ok: false, status: 502, code: 'HTTP_502', message: '上传失败' });
    expect(uploadOutcome(201, {}, 'en', 'failed')).toMatchObject({ ok: false, code: 'HTTP_201' });
  });
});
