import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from './test-app';
import { JOIN, LAUNCH } from './operations';
import { ASSIGN_ROLE } from './roster.fixtures';

export const ONE_YEAR_AHEAD = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

export function expectNoErrors(response: { errors?: unknown[] }): void {
  if (response.errors)
    throw new Error(`unexpected GraphQL errors: ${JSON.stringify(response.errors, null, 2)}`);
}

export const LAUNCHED_AT = '2020-01-01T09:00:00.000Z';

/**
 * An initiative with city hall, the food bank and the school district as members. Ana (city
 * hall) launched it on LAUNCHED_AT, so she is its backbone staff from then; each partner's person (ana, bo, chen) is
 * its partner representative, so each can make and report its own partner's commitments.
 */
export async function launchWithPartners(
  app: TestApp,
  initiativeId = 'reading-by-9',
): Promise<string> {
  const launched = await app.gql(
    LAUNCH,
    {
      input: {
        initiativeId,
        name: 'Reading by Nine',
        problemStatement: 'Too few children read at grade level by age nine',
        commonAgenda: 'Every child reads at grade level by third grade',
        // Launched long ago, so its launcher is in office for any backdated act of a test.
        occurredAt: LAUNCHED_AT,
      },
    },
    CITY_HALL,
  );
  expectNoErrors(launched);
  const partners = [
    { actor: CITY_HALL, organisationName: 'City Hall', sector: 'GOVERNMENT' },
    { actor: FOOD_BANK, organisationName: 'Food Bank', sector: 'NONPROFIT' },
    { actor: SCHOOLS, organisationName: 'School District', sector: 'EDUCATION' },
  ];
  for (const p of partners) {
    const joined = await app.gql(
      JOIN,
      {
        input: {
          initiativeId,
          partnerId: p.actor.partnerId,
          organisationName: p.organisationName,
          sector: p.sector,
        },
      },
      CITY_HALL,
    );
    expectNoErrors(joined);
  }
  for (const p of partners) {
    const assigned = await app.gql(
      ASSIGN_ROLE,
      {
        input: {
          initiativeId,
          personId: p.actor.personId,
          partnerId: p.actor.partnerId,
          role: 'PARTNER_REPRESENTATIVE',
          termStart: '2020-01-01',
        },
      },
      CITY_HALL,
    );
    expectNoErrors(assigned);
  }
  return initiativeId;
}
