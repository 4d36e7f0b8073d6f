/**
 * The query side of the case library's Chinese search (docs/portal.md, "Searching in Chinese").
 * Documents are indexed by the database function pufa_search_tokens (see the migration that
 * creates case_search): NFKC, then each run of Han characters as overlapping bigrams plus its
 * last character alone, each run of ASCII letters and digits as one lower-case word. A query is
 * cut the same way, and every run must match:
 *   - two or more Han characters: their bigrams as a phrase ('食品' <-> '品安' <-> '安全'), so
 *     "食品安全" finds only text where the four characters stand together;
 *   - one Han character: a prefix ('案':*), which matches the bigrams it starts and the lone
 *     last character of a run;
 *   - a word of letters or digits: a prefix ('covid':*).
 */

/** CJK Unified Ideographs, Extension A and the Compatibility Ideographs (as in pufa_search_tokens). */
const HAN = '\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff';
const RUNS = new RegExp(`[A-Za-z0-9]+|[${HAN}]+`, 'g');

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;

/** The tsquery text for to_tsquery('simple', …), or null when the text holds nothing searchable. */
export function caseSearchQuery(text: string): string | null {
  const runs = text.normalize('NFKC').match(RUNS) ?? [];
  const parts = runs.map((run) => {
    if (/^[A-Za-z0-9]/.test(run)) return `'${run.toLowerCase()}':*`;
    const chars = [...run];
    if (chars.length === 1) return `'${run}':*`;
    const bigrams = chars.slice(0, -1).map((c, i) => `'${c}${chars[i + 1]}'`);
    return bigrams.length === 1 ? bigrams[0]! : `(${bigrams.join(' <-> ')})`;
  });
  return parts.length ? [...new Set(parts)].join(' & ') : null;
}
