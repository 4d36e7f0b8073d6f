import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applicabilityMarkdown } from './matrix.js';

describe('docs/metrics.md', () => {
  it('carries the measure × dimension and measure × filter tables the registry answers by', () => {
    const doc = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/metrics.md'), 'utf8');
    expect(doc).toContain(applicabilityMarkdown());
  });
});
