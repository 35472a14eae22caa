import type { GraphqlResponse, TestApp } from './test-app';

/** Runs a command the policy must refuse: FORBIDDEN, naming the mutation and the roles needed, and nothing written. */
export async function expectForbidden(
  app: TestApp,
  run: () => Promise<GraphqlResponse>,
  expected: { mutation: string; rolesNeeded: string[] },
): Promise<void> {
  const before = await app.eventCount();
  const res = await run();
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', ...expected });
  expect(await app.eventCount()).toBe(before);
}
