import { Dimension, Measure } from './analytics.types.js';
import { FACTS, MEASURES, type FilterKey } from './registry.js';

const FILTER_KEYS: FilterKey[] = ['agencyIds', 'regionIds', 'domainIds', 'lawIds', 'forms', 'venueTypes', 'audiences', 'outletIds', 'sessionKinds'];

/** The measure × dimension and measure × filter tables of docs/metrics.md, rendered from the registry. */
export function applicabilityMarkdown(): string {
  const measures = Object.values(Measure);
  const dims = Object.values(Dimension);
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const dimTable = [
    row(['measure', ...dims]),
    row(['---', ...dims.map(() => ':-:')]),
    ...measures.map((m) => row([m, ...dims.map((d) => (FACTS[MEASURES[m].fact].dims[d] ? '✓' : '—'))])),
  ];
  const filterTable = [
    row(['measure', 'from/to', ...FILTER_KEYS]),
    row(['---', ':-:', ...FILTER_KEYS.map(() => ':-:')]),
    ...measures.map((m) => row([m, '✓', ...FILTER_KEYS.map((k) => (FACTS[MEASURES[m].fact].filters[k] ? '✓' : '—'))])),
  ];
  return [...dimTable, '', ...filterTable].join('\n');
}
