import type { Actor } from '@accord/domain';
import { expectNoErrors } from '../support/fixtures';
import { JOIN, LAUNCH } from '../support/operations';
import { ASSIGN_ROLE } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from '../support/test-app';

const DAY = 86_400_000;

/**
 * The start the browser stories share: City Hall launches an initiative eight weeks before
 * `now`, City Hall, the County Food Bank and School District 9 join a week later, and City Hall
 * gives each seat its role a week after that (terms from that day).
 */
export async function launchWithThreePartners(
  app: TestApp,
  now: number,
  initiative: {
    initiativeId: string;
    name: string;
    problemStatement: string;
    commonAgenda: string;
  },
  seats: readonly [Actor, string][],
): Promise<void> {
  const weeksAgo = (weeks: number) => new Date(now - weeks * 7 * DAY).toISOString();
  const { initiativeId } = initiative;
  expectNoErrors(
    await app.gql(LAUNCH, { input: { ...initiative, occurredAt: weeksAgo(8) } }, CITY_HALL),
  );
  for (const [actor, organisationName, sector] of [
    [CITY_HALL, 'City Hall', 'GOVERNMENT'],
    [FOOD_BANK, 'County Food Bank', 'NONPROFIT'],
    [SCHOOLS, 'School District 9', 'EDUCATION'],
  ] as const) {
    const input = { initiativeId, partnerId: actor.partnerId, organisationName, sector };
    expectNoErrors(
      await app.gql(JOIN, { input: { ...input, occurredAt: weeksAgo(7) } }, CITY_HALL),
    );
  }
  for (const [actor, role] of seats) {
    const input = { initiativeId, ...actor, role, termStart: weeksAgo(6).slice(0, 10) };
    expectNoErrors(
      await app.gql(ASSIGN_ROLE, { input: { ...input, occurredAt: weeksAgo(6) } }, CITY_HALL),
    );
  }
}

/** The initiative of the stories and the workspace specs. */
export const READING_BY_NINE = {
  initiativeId: 'reading-by-9',
  name: 'Reading by Nine',
  problemStatement: 'Too few children in the county read at grade level by age nine.',
  commonAgenda: 'Every child reads at grade level by the end of third grade.',
};
