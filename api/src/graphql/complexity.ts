import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';

export const MAX_COMPLEXITY = 20_000;
export const MAX_QUERY_CHARS = 200_000;

/** A list of records costs its children once per requested row (first, default 50). */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity, field }) => {
  const type = String(field.type);
  if (type.endsWith('Connection!') || type.endsWith('Connection')) {
    const rows = typeof args.first === 'number' ? args.first : 50;
    return 2 + childComplexity * Math.max(1, rows);
  }
  // A plain list (an activity's laws, co-organisers …) is counted as ten of its items.
  if (type.startsWith('[') && childComplexity > 0) return 1 + childComplexity * 10;
  return undefined;
};

/**
 * Refuses queries whose estimated cost is above MAX_COMPLEXITY (thousands of aliases of an
 * expensive field, deep nesting of large pages) before anything runs, with a clear error.
 */
export function complexityLimit(schema: GraphQLSchema): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request: req }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: req.variables ?? {},
              operationName: req.operationName ?? undefined,
              estimators: [pageEstimator, fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
          } catch {
            // Variables that do not fit their types: nothing will run, and execution answers
            // BAD_USER_INPUT naming the variable (not an internal error from here).
            return;
          }
          if (cost > MAX_COMPLEXITY) {
            throw new GraphQLError(`The query is too expensive (estimated cost ${cost}, limit ${MAX_COMPLEXITY}): ask for fewer rows, fields or aliases, or split it`, {
              extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: MAX_COMPLEXITY, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/** Refuses an over-long query text before GraphQL parses it (413, GraphQL-shaped JSON). */
export const queryTextLimit: RequestHandler = (req, res, next) => {
  const query = (req.body as { query?: unknown } | undefined)?.query;
  if (typeof query === 'string' && query.length > MAX_QUERY_CHARS) {
    res.status(413).json({
      errors: [{ message: `The query text is longer than ${MAX_QUERY_CHARS} characters; send a smaller query (put data in variables)`, extensions: { code: 'QUERY_TOO_LARGE' } }],
    });
    return;
  }
  next();
};
