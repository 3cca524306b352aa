import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id (Relay).',
  resolveType: (value: object) => (value.constructor as { typename?: string }).typename,
})
export abstract class Node {
  @Field(() => ID, {
    name: 'id',
    description: 'Globally unique opaque id; pass it to `node(id:)` to fetch the object again.',
  })
  globalId!: string;
}
