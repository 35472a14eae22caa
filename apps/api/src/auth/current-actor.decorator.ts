import type { Actor } from '@accord/domain';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AccordContext } from '../graphql/accord-context';

/** The verified actor of this request (set by GqlAuthGuard); never taken from the input. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const { actor } = GqlExecutionContext.create(context).getContext<AccordContext>();
  if (!actor) throw new Error('CurrentActor used on a resolver that GqlAuthGuard did not run for');
  return actor;
});

/** The whole request context: actor, request id and correlation id. */
export const RequestContext = createParamDecorator(
  (_: unknown, context: ExecutionContext): AccordContext =>
    GqlExecutionContext.create(context).getContext<AccordContext>(),
);
