import { describe, expect, it } from 'vitest';
import { detectEvidenceType, evidenceFilename, sha256 } from './evidence.detect.js';
import { JPEG_BYTES, PDF_BYTES, PNG_BYTES } from './inspections.fixture.js';

describe('evidence files', () => {
  it('tells PDF, PNG and JPEG from their first bytes, and nothing else', () => {
    expect([PDF_BYTES, PNG_BYTES, JPEG_BYTES].map(detectEvidenceType)).toEqual(['application/pdf', 'image/png', 'image/jpeg']);
    const others = ['GIF89a', '<svg xmlns="http://www.w3.org/2000/svg"/>', 'PK\u0003\u0004', '%PD', ' %PDF-1.7', '\u00ff\u00d8', ''];
    expect(others.map((s) => detectEvidenceType(Buffer.from(s, 'latin1')))).toEqual(others.map(() => null));
    // A PNG signature cut short is not a PNG.
    expect(detectEvidenceType(PNG_BYTES.subarray(0, 7))).toBeNull();
  });

  it('keeps a clean name with the detected type’s extension', () => {
    expect(evidenceFilename('整改报告', 'application/pdf')).toBe('整改报告.pdf');
    expect(evidenceFilename('photo.JPG', 'image/jpeg')).toBe('photo.JPG');
    expect(evidenceFilename('scan.pdf', 'image/png')).toBe('scan.pdf.png');
    expect(evidenceFilename('../../etc/"passwd"\n', 'application/pdf')).toBe('....etcpasswd.pdf');
    expect(evidenceFilename(undefined, 'image/jpeg')).toBe('evidence.jpg');
    expect(evidenceFilename('x'.repeat(300), 'application/pdf')).toHaveLength(124);
  });

  it('computes the SHA-256 of the bytes', () => {
    expect(sha256(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
