import { GraphQLError } from 'graphql';

export type ErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT';

export interface FieldProblem {
  /** Path of the offending argument, e.g. ["filter", "from"]. */
  path: (string | number)[];
  message: string;
}

export function userError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export function badInput(message: string, problems: FieldProblem[] = []): GraphQLError {
  return userError('BAD_USER_INPUT', message, problems.length ? { problems } : {});
}

export function notFound(what: string, id: string): GraphQLError {
  return userError('NOT_FOUND', `${what} ${id} does not exist`);
}
