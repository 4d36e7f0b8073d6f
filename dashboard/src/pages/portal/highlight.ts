/**
 * Marks what a case-library query matched in a title or summary, in the
 * browser. The hub searches character bigrams (docs/portal.md, "Searching in
 * Chinese"; api search-query.ts): a Han run of the query matches through its
 * bigrams, a single Han character or an ASCII word as a prefix. Marking the
 * same units here shows the reader why a case was found, without asking the
 * hub for snippets.
 */

/** Han characters the hub indexes: CJK Unified Ideographs, Extension A, Compatibility Ideographs. */
const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const RUN = new RegExp(`[${HAN}]+|[A-Za-z0-9]+`, 'g');
const HAN_ONLY = new RegExp(`^[${HAN}]+$`);

/** The query's search units, lower-case: bigrams of each Han run (a lone character as itself) and ASCII words. */
export function searchTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of query.normalize('NFKC').match(RUN) ?? []) {
    if (!HAN_ONLY.test(run)) {
      terms.add(run.toLowerCase());
    } else if (run.length === 1) {
      terms.add(run);
    } else {
      for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
    }
  }
  return [...terms];
}

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Each character compared as NFKC, lower-case, when that keeps it one
 * character (full-width ＡＢＣ１２３ find abc123), so positions in the
 * compared text are positions in the original.
 */
function comparable(text: string): string {
  let out = '';
  for (const ch of text) {
    const n = ch.normalize('NFKC').toLowerCase();
    out += n.length === ch.length ? n : ch;
  }
  return out;
}

/** `text` cut into marked and unmarked pieces: every occurrence of every term is marked; overlapping marks merge. */
export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  if (!text) return [];
  const hay = comparable(text);
  const marked = new Array<boolean>(text.length).fill(false);
  for (const term of terms) {
    if (!term) continue;
    for (let at = hay.indexOf(term); at !== -1; at = hay.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i++) marked[i] = true;
    }
  }
  const segments: Segment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else segments.push({ text: text[i]!, match: marked[i]! });
  }
  return segments;
}

/** The hub's limit on a query's length (api case-library search-query.ts, MAX_QUERY_LENGTH). */
export const MAX_QUERY_LENGTH = 100;
