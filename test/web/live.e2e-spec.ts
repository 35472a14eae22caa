import { expectNoErrors, launchWithPartners, ONE_YEAR_AHEAD } from '../support/fixtures';
import { AMEND, MAKE } from '../support/operations';
import { FOOD_BANK, SCHOOLS } from '../support/test-app';
import { axeViolations, workspaceInBrowser } from './browser';

/** How long one probe may take to show before another is written (a retry, not a wait for sync). */
const PROBE_RETRY_MS = 1_000;

/**
 * Live updates in Chromium: the page subscribes over graphql-ws with its HttpOnly session
 * cookie, and what another person records through the API appears without a reload.
 */
describe('the workspace updates live', () => {
  let initiativeId: string;

  const web = workspaceInBrowser({
    seed: async (app) => {
      initiativeId = await launchWithPartners(app);
    },
  });

  it("the overview's latest changes show what another partner records, without reloading the page", async () => {
    const { page, problems } = await web.signedIn(FOOD_BANK, {
      at: `/initiatives/${initiativeId}`,
    });
    await page.getByRole('heading', { name: 'Latest changes' }).waitFor();
    // Gone if the page were loaded again.
    await page.evaluate('window.stillTheSamePage = true');

    // Agenda amendments until one shows: from then on the subscription is certainly live.
    for (let probe = 1; ; probe++) {
      const agenda = `Every child reads by nine (probe ${probe})`;
      expectNoErrors(await web.app.gql(AMEND, { input: { initiativeId, commonAgenda: agenda } }));
      const shown = await page
        .getByText(agenda, { exact: true })
        .waitFor({ timeout: PROBE_RETRY_MS })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (probe === 15) throw new Error('no agenda amendment ever showed on the page');
    }

    const make = {
      commitmentId: 'library-cards',
      initiativeId,
      partnerId: SCHOOLS.partnerId,
      description: 'A library card for every pupil',
      dueDate: ONE_YEAR_AHEAD,
    };
    expectNoErrors(await web.app.gql(MAKE, { input: make }, SCHOOLS));
    const row = page.getByRole('row', { name: /commitment library-cards/ });
    await row.waitFor();
    expect(await row.textContent()).toContain(SCHOOLS.personId);
    expect(await page.evaluate('window.stillTheSamePage')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems()).toEqual([]);
  }, 60_000);
});
