import { Field, ID, InterfaceType } from 'type-graphql';

/** Relay's Node: every record has a global id ("Agency:12") that `node(id)` resolves. */
@InterfaceType({ resolveType: (value: object) => value.constructor.name })
export abstract class Node {
  @Field(() => ID)
  id!: string;
}
