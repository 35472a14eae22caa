import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  InputType,
  Query,
  Resolver,
} from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { validateSync, IsInt, Max, Min } from 'class-validator';
import { printType } from 'graphql';
import { entityId, inputOf, line, optional, whole, withDefault } from './input-type';

@InputType({ description: 'A widget to make.' })
class MakeWidgetInput extends inputOf({
  widgetId: entityId('Its id.'),
  label: optional(line(10), 'What it says on it.'),
  size: withDefault(whole('Size, 1 to 9.', IsInt(), Min(1), Max(9)), 3),
}) {}

@Resolver()
class WidgetResolver {
  @Query(() => String)
  make(@Args('input') input: MakeWidgetInput): string {
    return input.widgetId;
  }
}

/** The rules each invalid field breaks, as class-validator reports them. */
const broken = (plain: object) =>
  validateSync(plainToInstance(MakeWidgetInput, plain)).map(({ property, constraints }) => [
    property,
    Object.keys(constraints ?? {}),
  ]);

describe('input types declared as a table of fields', () => {
  it('prints the fields in order, an optional one nullable, a default as the default', async () => {
    const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
    await app.init();
    const schema = await app.get(GraphQLSchemaFactory).create([WidgetResolver]);
    await app.close();
    expect(printType(schema.getType('MakeWidgetInput')!)).toBe(
      [
        '"""A widget to make."""',
        'input MakeWidgetInput {',
        '  """Its id."""',
        '  widgetId: ID!',
        '',
        '  """What it says on it."""',
        '  label: String',
        '',
        '  """Size, 1 to 9."""',
        '  size: Int! = 3',
        '}',
      ].join('\n'),
    );
  });

  it('skips the rules of an optional field left out or null, and fills a default', () => {
    expect(broken({ widgetId: 'w-1', label: null })).toEqual([]);
    expect(plainToInstance(MakeWidgetInput, { widgetId: 'w-1' }).size).toBe(3);
  });

  it('checks the rules as decorators written in that order would: the last one reported first', () => {
    expect(broken({ widgetId: '-', label: 'far too long a label', size: 0.5 })).toEqual([
      ['widgetId', ['matches']],
      ['label', ['maxLength']],
      ['size', ['min', 'isInt']],
    ]);
  });
});
