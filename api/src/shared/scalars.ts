import { GraphQLScalarType } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

/** Calendar date "YYYY-MM-DD" (no time, no zone): activity dates, validity and time windows. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD" (Asia/Shanghai calendar).',
});
