/**
 * What an evidence file is, told from its first bytes — never from its name or the type the client
 * claims (a script renamed to photo.png stays a script). Three fixed signatures need no library.
 */
import { createHash } from 'node:crypto';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export type EvidenceType = 'application/pdf' | 'image/png' | 'image/jpeg';

const SIGNATURES: { type: EvidenceType; bytes: number[] }[] = [
  // "%PDF-" (ISO 32000-1, 7.5.2: the header is the file's first line)
  { type: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  // PNG: \x89 P N G \r \n \x1a \n (ISO/IEC 15948, 5.2)
  { type: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // JPEG: SOI marker then the first marker of any JFIF/EXIF/raw JPEG
  { type: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
];

export function detectEvidenceType(data: Uint8Array): EvidenceType | null {
  return SIGNATURES.find((s) => data.length >= s.bytes.length && s.bytes.every((b, i) => data[i] === b))?.type ?? null;
}

export const EXTENSIONS: Record<EvidenceType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * The name to keep: the client's (control characters, slashes and quotes dropped, at most 120
 * characters), with the detected type's extension when it has none of its own; else "evidence.pdf".
 */
export function evidenceFilename(raw: unknown, type: EvidenceType): string {
  const cleaned = typeof raw === 'string' ? raw.replace(/[\u0000-\u001f\u007f/\\"]/g, '').trim().slice(0, 120) : '';
  const ext = EXTENSIONS[type];
  if (!cleaned) return `evidence.${ext}`;
  const lower = cleaned.toLowerCase();
  const fits = type === 'image/jpeg' ? lower.endsWith('.jpg') || lower.endsWith('.jpeg') : lower.endsWith(`.${ext}`);
  return fits ? cleaned : `${cleaned}.${ext}`;
}
