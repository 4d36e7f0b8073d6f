/**
 * The one `graphql()` every query, mutation and fragment of the dashboard is
 * written with. gql.tada types each document from `schema/schema.graphql`
 * (the API's committed SDL, never a running server): `npm run codegen` turns
 * that file into `src/graphql-env.d.ts` (not committed; `build`, `typecheck`
 * and `lint` regenerate it first, and editors with the TypeScript plugin of
 * tsconfig.json keep it fresh while you type).
 *
 *   const Query = graphql(`query X($first: Int) { activities(first: $first) { totalCount } }`);
 *   type Data = ResultOf<typeof Query>;         // { activities: { totalCount: number } }
 *   type Vars = VariablesOf<typeof Query>;      // { first?: number | null }
 *   type Form = SchemaType<'Form'>;             // 'LECTURE' | … (any enum, input or scalar)
 *
 * Fragments: a child component declares the fields it reads next to itself
 * and the page's query spreads it, passing the fragment as the second
 * argument; the child unmasks its part with `readFragment` (see
 * components/records/recordRows.tsx, used by RecordsDrawer). A fragment
 * marked `@_unmask` is not masked: its fields are plain data for pure
 * functions (AnalyticsRowFields below).
 */
import { initGraphQLTada, type TadaDocumentNode } from 'gql.tada';
import type { introspection } from '../graphql-env';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: {
    /** "YYYY-MM-DD" on the Asia/Shanghai calendar. */
    Date: string;
    /** An ISO 8601 moment, e.g. "2025-03-08T12:00:00.000Z". */
    DateTime: string;
    JSON: unknown;
  };
}>();

export { readFragment } from 'gql.tada';
export type { FragmentOf, ResultOf, VariablesOf } from 'gql.tada';

/** The TypeScript type of a schema enum, input or scalar by name, e.g. SchemaType<'AnalyticsFilter'>. */
export type SchemaType<Name extends string> = ReturnType<typeof graphql.scalar<Name>>;

/**
 * The same document under another operation name. The name is what the
 * API's logs and the browser tests tell requests apart by, so cards that
 * share one query shape still send distinct operations. The copy has no
 * `loc`, so urql prints it afresh (with the new name) instead of reusing the
 * original's source text.
 */
export function withOperationName<Doc extends TadaDocumentNode<any, any, any>>(document: Doc, name: string): Doc {
  let renamed = 0;
  const definitions = document.definitions.map((definition) => {
    if (definition.kind !== 'OperationDefinition') return definition;
    renamed += 1;
    return { ...definition, name: { kind: 'Name', value: name } };
  });
  if (renamed !== 1) throw new Error(`withOperationName needs a document with one operation, got ${renamed}`);
  const { loc: _loc, ...rest } = document;
  return { ...rest, definitions } as unknown as Doc;
}

// ---------- fragments shared by the analytics pages ----------

/** One measure's value (rates 0..1; null for a rate over nothing). Plain data, not masked. */
export const MeasureValueFields = graphql(`
  fragment MeasureValueFields on MeasureValue @_unmask {
    measure
    value
  }
`);

/** One row of a grouped analytics result. Plain data, not masked: option builders read it as is. */
export const AnalyticsRowFields = graphql(
  `
    fragment AnalyticsRowFields on AnalyticsRow @_unmask {
      keys {
        dimension
        value
        label
      }
      values {
        ...MeasureValueFields
      }
    }
  `,
  [MeasureValueFields],
);
