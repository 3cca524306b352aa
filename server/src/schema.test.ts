import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from './schema.js';

describe('the GraphQL schema', () => {
  it('describes every type, field, argument, input field and enum value', async () => {
    const schema = await createSchema();
    const missing: string[] = [];
    const check = (where: string, description: string | null | undefined) => {
      if (!description?.trim()) missing.push(where);
    };
    const checkArgs = (where: string, args: readonly GraphQLArgument[]) => {
      for (const arg of args) check(`${where}(${arg.name})`, arg.description);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && isSpecifiedScalarType(type))) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
          check(`${type.name}.${field.name}`, field.description);
          checkArgs(`${type.name}.${field.name}`, field.args);
        }
      }
      if (isInputObjectType(type)) {
        for (const field of Object.values(type.getFields()) as GraphQLInputField[])
          check(`${type.name}.${field.name}`, field.description);
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
      }
    }
    expect(missing).toEqual([]);
  });
});
