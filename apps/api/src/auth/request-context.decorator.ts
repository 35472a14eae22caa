import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AccordContext } from '../graphql/accord-context';

/** The whole request context: actor, request id and correlation id. */
export const RequestContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): AccordContext =>
    GqlExecutionContext.create(context).getContext<AccordContext>(),
);
