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

/**
 * Runs a command by someone who may not see its initiative: answered as for an id that does not
 * exist (the domain's NOT_FOUND or *_INITIATIVE_NOT_FOUND), naming no role, and nothing written.
 */
export async function expectAnsweredAsMissing(
  app: TestApp,
  run: () => Promise<GraphqlResponse>,
  expected: { code: 'NOT_FOUND' | 'DOMAIN_RULE_VIOLATED'; rule: string },
): Promise<void> {
  const before = await app.eventCount();
  const res = await run();
  expect(res.data ?? null).toBeNull();
  expect(res.errors?.[0]?.extensions).toMatchObject(expected);
  expect(res.errors?.[0]?.extensions).not.toHaveProperty('rolesNeeded');
  expect(await app.eventCount()).toBe(before);
}
