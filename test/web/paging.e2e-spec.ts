import { expectNoErrors, launchWithPartners } from '../support/fixtures';
import { defineIndicator, RECORD_MEASUREMENT } from '../support/measurement.operations';
import { ALLOCATE_SHARES, DEFINE_POOL } from '../support/risks-benefits.operations';
import { assignRole } from '../support/roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from '../support/test-app';
import { workspaceInBrowser } from './browser';

/** One more than a page of the benefit pools screen (20), each shared whole by the food bank. */
const POOLS = 21;
/** Two more than the page of an indicator's measurements the shared measurement screen shows. */
const MEASUREMENTS = 22;

async function seed(app: TestApp): Promise<string> {
  const initiativeId = await launchWithPartners(app);
  for (let n = 1; n <= POOLS; n++) {
    const poolId = `pool-${String(n).padStart(2, '0')}`;
    expectNoErrors(
      await app.gql(
        DEFINE_POOL,
        {
          input: {
            poolId,
            initiativeId,
            name: `Shared data ${n}`,
            kind: 'DATA_ACCESS',
            description: 'Meal counts',
          },
        },
        CITY_HALL,
      ),
    );
    expectNoErrors(
      await app.gql(
        ALLOCATE_SHARES,
        { input: { poolId, shares: [{ partnerId: 'food-bank', percent: '100' }] } },
        CITY_HALL,
      ),
    );
  }
  // An indicator measured monthly since January 2024, by the school district's data steward.
  await assignRole(app, { initiativeId, ...SCHOOLS, role: 'DATA_STEWARD' });
  const indicatorId = await defineIndicator(app, { initiativeId });
  for (let n = 0; n < MEASUREMENTS; n++) {
    const month = new Date(Date.UTC(2024, n, 1));
    const end = new Date(Date.UTC(2024, n + 1, 0));
    expectNoErrors(
      await app.gql(
        RECORD_MEASUREMENT,
        {
          input: {
            indicatorId,
            measurementId: `m${n}`,
            value: String(40 + n),
            periodStart: month.toISOString().slice(0, 10),
            periodEnd: end.toISOString().slice(0, 10),
            sourcePartnerId: 'school-district',
            method: 'DIBELS monthly check',
          },
        },
        SCHOOLS,
      ),
    );
  }
  return initiativeId;
}

/**
 * Paged screens in Chromium, by keyboard: the accountability grid's "and N more" leads to the
 * list behind the cell, whose "Next page" shows the rest; and a session that ended after the
 * page came shows the sign-in screen, not an error.
 */
describe('paged lists and an ended session in the workspace', () => {
  let initiativeId: string;
  const web = workspaceInBrowser({
    seed: async (app) => {
      initiativeId = await seed(app);
    },
  });

  it('the grid\'s "and N more" leads to the benefit pools, whose next page shows the rest', async () => {
    const { page, problems } = await web.signedIn(FOOD_BANK, {
      at: `/initiatives/${initiativeId}/accountability`,
    });
    await page.getByRole('heading', { name: 'Accountability' }).waitFor();
    const more = page.getByRole('link', { name: /^All benefit pools \(.* has a share in 21\)$/ });
    await more.waitFor();
    expect(await more.locator('..').textContent()).toContain(`and ${POOLS - 5} more`);
    await web.expectAccessible(page);

    await more.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Benefit pools', level: 1 }).waitFor();
    const pools = page.getByRole('heading', { level: 2, name: /^Shared data \d+$/ });
    await page.getByRole('heading', { level: 2, name: 'Shared data 20', exact: true }).waitFor();
    expect(await pools.count()).toBe(20);
    await web.expectAccessible(page);

    const next = page
      .getByRole('navigation', { name: 'Pages of benefit pools' })
      .getByRole('link', {
        name: 'Next page',
      });
    await next.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Shared data 21', exact: true }).waitFor();
    expect(await pools.allTextContents()).toEqual(['Shared data 21']);
    expect(await page.getByRole('link', { name: 'Next page' }).count()).toBe(0);
    await web.expectAccessible(page);
    expect(problems()).toEqual([]);
  }, 60_000);

  it('an indicator shows its latest measurements, and the earlier ones by keyboard', async () => {
    const { page, problems } = await web.signedIn(CITY_HALL, {
      at: `/initiatives/${initiativeId}/indicators`,
    });
    await page
      .getByText(
        `The chart and the table show the latest 20 of ${MEASUREMENTS} measurements recorded.`,
      )
      .waitFor();
    const rows = page.getByRole('table').getByRole('row');
    expect(await rows.count()).toBe(1 + 20);
    // The latest by period is there; the first two months are not yet.
    expect(await page.getByRole('table').textContent()).toContain(String(40 + MEASUREMENTS - 1));
    await web.expectAccessible(page);
    const earlier = page.getByRole('button', { name: 'Show earlier measurements' });
    await earlier.focus();
    await page.keyboard.press('Enter');
    await page.getByText('The chart and the table show the latest').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1 + MEASUREMENTS);
    expect(await rows.nth(1).textContent()).toContain('40 percent');
    await web.expectAccessible(page);
    expect(problems()).toEqual([]);
  }, 60_000);

  it('shows the sign-in screen when the session ends between the page and its first query', async () => {
    const { page, problems } = await web.signedIn(SCHOOLS);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'accord_session');
    expect(cookie).toBeDefined();
    // The session ends on the server once the page is there, before its first query is sent
    // (from a blank page: no request of the page signed in on may end it sooner).
    await page.goto('about:blank');
    let ended = false;
    await page.route('**/graphql', async (route) => {
      if (!ended) {
        ended = true;
        const signOut = await fetch(`${web.origin}/auth/sign-out`, {
          method: 'POST',
          headers: { cookie: `accord_session=${cookie!.value}` },
        });
        expect(signOut.status).toBe(204);
      }
      await route.continue();
    });
    await page.goto(`${web.origin}/initiatives/${initiativeId}`);
    await page.getByText('You are not signed in.').waitFor();
    // The page named the reader (no /auth/session asked first), yet the API no longer knew them.
    expect(await page.locator('meta[name="accord-session"]').count()).toBe(1);
    expect(ended).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    await web.expectAccessible(page);
    expect(problems()).toEqual([]);
  }, 60_000);
});
