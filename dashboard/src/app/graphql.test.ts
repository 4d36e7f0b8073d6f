import { stringifyDocument } from 'urql';
import { describe, expect, it } from 'vitest';
import { AnalyticsRowFields, graphql, withOperationName } from './graphql';

const Query = graphql(
  `
    query Original($locale: Locale) {
      analytics(measures: [ACTIVITY_COUNT], groupBy: [MONTH], locale: $locale) {
        rows {
          ...AnalyticsRowFields
        }
      }
    }
  `,
  [AnalyticsRowFields],
);

describe('typed documents', () => {
  it('carry the fragments they spread', () => {
    const names = Query.definitions.map((d) => ('name' in d && d.name ? d.name.value : d.kind));
    expect(names).toEqual(['Original', 'AnalyticsRowFields', 'MeasureValueFields']);
  });

  it('can be sent under another operation name, fragments kept, the original untouched', () => {
    const renamed = withOperationName(Query, 'OverviewMonthlyTrend');
    // urql would reuse the source text of a document that has one: the copy must not.
    expect('loc' in renamed).toBe(false);
    const text = stringifyDocument(renamed);
    expect(text).toMatch(/^query OverviewMonthlyTrend\(\$locale: Locale\)/);
    expect(text).toContain('fragment AnalyticsRowFields on AnalyticsRow');
    expect(text).not.toContain('Original');
    expect(stringifyDocument(Query)).toMatch(/^query Original/);
  });

  it('refuses a document without exactly one operation', () => {
    expect(() => withOperationName(AnalyticsRowFields as never, 'X')).toThrow(/one operation, got 0/);
  });
});
