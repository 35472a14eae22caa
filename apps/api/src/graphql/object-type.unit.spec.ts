import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import {
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ObjectType,
  Query,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { graphql, type GraphQLSchema, printType } from 'graphql';
import {
  computed,
  dateTime,
  enumOf,
  fieldsOf,
  hidden,
  id,
  int,
  integerText,
  list,
  localDate,
  nullable,
  of,
  text,
} from './object-type';

enum Colour {
  RED = 'red',
  BLUE = 'blue',
}
registerEnumType(Colour, { name: 'Colour' });

interface PartView {
  partId: string;
  basisPoints: number;
}

interface WidgetView {
  widgetId: string;
  colour: 'red' | 'blue';
  madeOn: string;
  madeAt: string | null;
  position: number;
  parts: PartView[];
  secret: string;
}

@ObjectType({ description: 'A part of a widget.' })
class Part extends fieldsOf<PartView>()({
  partId: id(),
  basisPoints: hidden(),
  percent: computed(text('Its share.'), (part: PartView) => String(part.basisPoints / 100)),
}) {}

@ObjectType({ description: 'A widget, as its view has it.' })
class Widget extends fieldsOf<WidgetView>()({
  widgetId: id('Its id.'),
  colour: enumOf(Colour),
  madeOn: localDate(),
  madeAt: nullable(dateTime('When, if known.')),
  position: integerText(),
  parts: list(Part),
  secret: hidden(),
  count: computed(int(), (widget: WidgetView) => widget.parts.length),
  first: computed(nullable(Part), (widget: WidgetView) => widget.parts[0] ?? null),
}) {}

const VIEW: WidgetView = {
  widgetId: 'w-1',
  colour: 'blue',
  madeOn: '2026-03-01',
  madeAt: null,
  position: 42,
  parts: [{ partId: 'p-1', basisPoints: 3334 }],
  secret: 'not in the schema',
};

@Resolver()
class WidgetResolver {
  @Query(() => Widget)
  widget(): Widget {
    return VIEW;
  }
}

describe('object types declared against a view', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
    await app.init();
    schema = await app.get(GraphQLSchemaFactory).create([WidgetResolver]);
    await app.close();
  });

  it('prints each declared field with its type, nullability and description; hidden keys not at all', () => {
    expect(printType(schema.getType('Widget')!)).toBe(
      [
        '"""A widget, as its view has it."""',
        'type Widget {',
        '  """Its id."""',
        '  widgetId: ID!',
        '  colour: Colour!',
        '  madeOn: LocalDate!',
        '',
        '  """When, if known."""',
        '  madeAt: DateTime',
        '  position: String!',
        '  parts: [Part!]!',
        '  count: Int!',
        '  first: Part',
        '}',
      ].join('\n'),
    );
  });

  it('serves the view as it is, computing the computed fields from it', async () => {
    const result = await graphql({
      schema,
      source:
        '{ widget { widgetId colour position parts { partId percent } count first { percent } } }',
      rootValue: { widget: () => VIEW },
    });
    expect(result).toEqual({
      data: {
        widget: {
          widgetId: 'w-1',
          colour: 'BLUE',
          position: '42',
          parts: [{ partId: 'p-1', percent: '33.34' }],
          count: 1,
          first: { percent: '33.34' },
        },
      },
    });
  });

  it('does not compile when a view key is left out or declared with a type its values do not fit', () => {
    // Checked by the compiler (npm run typecheck), never called.
    const declarations = () => [
      // @ts-expect-error madeOn is left out
      fieldsOf<Pick<WidgetView, 'widgetId' | 'madeOn'>>()({ widgetId: id() }),
      // @ts-expect-error madeAt may be null, and a DateTime! may not
      fieldsOf<Pick<WidgetView, 'madeAt'>>()({ madeAt: dateTime() }),
      // @ts-expect-error a colour is no Int
      fieldsOf<Pick<WidgetView, 'colour'>>()({ colour: int() }),
      // @ts-expect-error parts are Parts, not one
      fieldsOf<Pick<WidgetView, 'parts'>>()({ parts: of(Part) }),
    ];
    expect(declarations).toBeInstanceOf(Function);
  });
});
