import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';

const CLIENT_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'QUERY_TOO_COMPLEX', 'QUERY_TOO_LARGE', 'RATE_LIMITED']);

/**
 * Maps every error to a code and a message a person can act on. class-validator failures become
 * BAD_USER_INPUT with the field paths; anything unexpected becomes INTERNAL_SERVER_ERROR with no
 * internals in production (logged on the server instead).
 */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ArgumentValidationError) {
      const problems = original.extensions.validationErrors.flatMap((v) => flatten(v, []));
      return {
        message: `Invalid input: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', problems },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && CLIENT_CODES.has(code)) {
      if (!production) return formatted;
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    console.error('[graphql] internal error:', original);
    return {
      message: production ? 'Internal server error; the hub logged the details. Please try again or tell the administrator.' : formatted.message,
      path: formatted.path,
      extensions: production ? { code: 'INTERNAL_SERVER_ERROR' } : { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

function flatten(v: ValidationErrorLike, parent: string[]): { path: string[]; message: string }[] {
  const path = [...parent, v.property];
  const own = Object.values(v.constraints ?? {}).map((message) => ({ path, message }));
  return [...own, ...(v.children ?? []).flatMap((c) => flatten(c, path))];
}
