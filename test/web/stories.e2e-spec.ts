import type { Actor } from '@accord/domain';
import { expectNoErrors } from '../support/fixtures';
import { MAKE, REPORT } from '../support/operations';
import {
  CORRECT_MEASUREMENT,
  defineIndicator,
  RECORD_MEASUREMENT,
} from '../support/measurement.operations';
import { IDENTIFY_RISK } from '../support/risks-benefits.operations';
import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from '../support/test-app';
import {
  AMEND_AGREEMENT,
  DRAFT_AGREEMENT,
  FOOD_BANK_CLERK,
} from '../support/agreements.operations';
import { screenshot, workspaceInBrowser } from './browser';
import { launchWithThreePartners, READING_BY_NINE } from './three-partners';

const EVALUATOR: Actor = { personId: 'eve', partnerId: 'city-hall' };
const DAY = 86_400_000;
const INITIATIVE = READING_BY_NINE.initiativeId;

/**
 * The three stories, played through the UI in Debian's Chromium as the people they are
 * about would: a chair, a partner's representative and an evaluator, each signed in with a
 * sign-in link. Every page also fails the test on a request to another host, a console error
 * or an axe-core WCAG 2.1 AA violation.
 */
describe('the stories of the workspace, in a browser', () => {
  const now = Date.now();

  const web = workspaceInBrowser({ seed: (app) => seed(app, now) });
  const { signedIn, expectAccessible } = web;

  it('a chair proposes a decision, members vote (one changes vote, one recuses), and the chair closes it on what is current and sees the outcome', async () => {
    const chair = await signedIn(CITY_HALL, { at: `/initiatives/${INITIATIVE}/decisions` });
    const page = chair.page;
    await page.getByRole('heading', { name: 'Propose a decision' }).waitFor();
    await expectAccessible(page);

    // An empty motion is refused by the server, which says so next to the field.
    await page.getByLabel('Title').fill('Saturday reading club');
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.locator('#propose-motion-error').waitFor();
    expect(await page.getByLabel('Motion').getAttribute('aria-invalid')).toBe('true');
    await page
      .getByLabel('Motion')
      .fill('The library opens a reading club every Saturday morning.');
    await page.getByLabel('Rationale').fill('Working parents cannot bring children on weekdays.');
    await page.getByLabel('How it is decided').selectOption('SIMPLE_MAJORITY');
    await page.getByRole('button', { name: 'Propose' }).click();
    await page.getByRole('heading', { name: 'Saturday reading club' }).waitFor();
    await page.getByText('0 of 3 voting members so far').waitFor();
    const decision = new URL(page.url()).pathname;
    await expectAccessible(page);

    // Bo votes, then finds a conflict of interest and steps aside: his vote stops counting.
    const bo = await signedIn(FOOD_BANK, { at: decision });
    await bo.page.getByLabel('for', { exact: true }).check();
    await bo.page.getByLabel('Reason').fill('Our volunteers can help');
    await bo.page.getByRole('button', { name: 'Cast vote' }).click();
    await bo.page.getByRole('heading', { name: 'Change your vote' }).waitFor();
    await bo.page
      .getByLabel('Your conflict of interest')
      .fill('My daughter runs the library café that would cater it');
    await bo.page.getByRole('button', { name: 'Declare a conflict of interest' }).click();
    await bo.page.getByText('(not counted: later recused)').waitFor();
    await bo.page.getByText(/My daughter runs the library café/).waitFor();
    await expectAccessible(bo.page);

    // Chen votes against; the chair votes for, and has the page open to close it: 2 of 3.
    const chen = await signedIn(SCHOOLS, { at: decision });
    await chen.page.getByLabel('against', { exact: true }).check();
    await chen.page.getByRole('button', { name: 'Cast vote' }).click();
    await chen.page.getByRole('heading', { name: 'Change your vote' }).waitFor();
    await page.reload();
    await page.getByLabel('for', { exact: true }).check();
    await page.getByLabel('Reason').fill('Saturdays reach the families we miss');
    await page.getByRole('button', { name: 'Cast vote' }).click();
    await page.getByRole('heading', { name: 'Change your vote' }).waitFor();
    await page.getByText('2 of 3 voting members have taken part; the quorum needs 2.').waitFor();
    const forVotes = page.locator('table tbody tr td').first();
    expect(await forVotes.textContent()).toBe('1');

    // Meanwhile Chen changes her vote, saying why: the chair's page does not know yet.
    await chen.page.getByLabel('for', { exact: true }).check();
    await chen.page.getByLabel('Reason').fill('The schools will lend the rooms after all');
    await chen.page.getByRole('button', { name: 'Change vote' }).click();
    await chen.page
      .getByText('“The schools will lend the rooms after all”', { exact: true })
      .waitFor();

    await page.getByRole('button', { name: 'Close the vote' }).click();
    // Nothing closed: she is told in words, and sees the votes as they are now.
    await page.getByText('This decision changed since you opened it.').waitFor();
    await page.getByText('“The schools will lend the rooms after all”', { exact: true }).waitFor();
    await expect(page.getByText('Adopted', { exact: false }).count()).resolves.toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/CONFLICT|CONCURRENCY|\{"/);
    expect(await forVotes.textContent()).toBe('2');
    await expectAccessible(page);
    await screenshot(page, 'decision-changed-since-opened');

    await page.getByRole('button', { name: 'Close the vote' }).click();
    await page.getByText('Outcome:').waitFor();
    await page.getByText(/2 of 3, reached/).waitFor();
    await page.getByText('Outcome: adopted').waitFor();
    await expect(page.getByRole('button', { name: 'Close the vote' }).count()).resolves.toBe(0);
    const chenVote = page.locator('li.card', { hasText: 'chen' });
    await chenVote.getByText('Changed 1 time(s)').click();
    await chenVote.getByText(/changed from against to for/).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'decision-closed');

    expect([...chair.problems(), ...bo.problems(), ...chen.problems()]).toEqual([]);
  }, 90_000);

  it("a partner's representative makes a commitment, reports progress (once on news a colleague recorded meanwhile) and fulfils it", async () => {
    const { page, problems } = await signedIn(FOOD_BANK);
    await page
      .locator('section.card', { hasText: 'Reading by Nine' })
      .getByRole('link', { name: 'Reading by Nine' })
      .click();
    await page.getByRole('link', { name: 'Commitments' }).click();
    await page.getByRole('heading', { name: 'Commitments', exact: true }).waitFor();
    await page.getByLabel('Partner').selectOption('food-bank');
    await page.getByLabel('Status').selectOption('OPEN');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByText('1 commitment', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('partner')).toBe('food-bank');
    await page.getByRole('link', { name: 'Recruit 20 volunteer reading tutors' }).waitFor();
    await expectAccessible(page);

    // A due date is needed: the form says so beside the field, and nothing is sent.
    await page.getByLabel('What you commit to').fill('Weekend meal packs for 300 pupils');
    await page.getByLabel('Hours you put in (optional)').fill('40');
    await page.getByRole('button', { name: 'Make the commitment' }).click();
    await page.getByText('Give the date it is due by.').waitFor();
    await page
      .getByLabel('Due by')
      .fill(new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Make the commitment' }).click();
    await page.getByRole('heading', { name: 'Weekend meal packs for 300 pupils' }).waitFor();
    await page.getByText('0% done').waitFor();
    await page.getByText('40 hours').waitFor();
    await page.getByText('No progress reported yet.').waitFor();
    const commitmentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    await expectAccessible(page);

    await page.getByLabel('Percent done').fill('40');
    await page.getByLabel('What was done (evidence)').fill('120 packs a week from the depot');
    await page.getByRole('button', { name: 'Report progress' }).click();
    await page.getByText('40% done').waitFor();
    await page.getByRole('cell', { name: '120 packs a week from the depot' }).waitFor();

    // Dee, of the same food bank, reports from the warehouse while Bo's page is open.
    expectNoErrors(
      await web.app.gql(
        REPORT,
        { input: { commitmentId, percent: 70, note: 'Second depot open' } },
        FOOD_BANK_CLERK,
      ),
    );
    await page.getByLabel('Percent done').fill('50');
    await page.getByLabel('What was done (evidence)').fill('150 packs a week');
    await page.getByRole('button', { name: 'Report progress' }).click();
    await page.getByText('This commitment changed since you opened it.').waitFor();
    await page.getByText('It is now 70% done: “Second depot open”.').waitFor();
    await page.getByText('70% done', { exact: true }).waitFor();
    await page.getByRole('cell', { name: 'Second depot open' }).waitFor();
    // What Bo typed is kept, and nothing of his was recorded.
    expect(await page.getByLabel('Percent done').inputValue()).toBe('50');
    expect(await page.locator('main').textContent()).not.toMatch(/CONFLICT|CONCURRENCY|\{"/);
    await expectAccessible(page);
    await screenshot(page, 'commitment-changed-since-opened');
    await page.getByLabel('Percent done').fill('90');
    await page.getByLabel('What was done (evidence)').fill('270 packs a week');
    await page.getByRole('button', { name: 'Report progress' }).click();
    await page.getByText('90% done', { exact: true }).waitFor();
    await expect(page.getByText('changed since you opened it').count()).resolves.toBe(0);
    const reports = await page.locator('table tbody tr td.num').allTextContents();
    expect(reports).toEqual(['40%', '70%', '90%']);

    await page.getByLabel('How it was delivered (optional)').fill('Every pupil gets a pack');
    await page.getByRole('button', { name: 'Mark as fulfilled' }).click();
    await page.getByText('fulfilled', { exact: true }).waitFor();
    await page.getByText(/“Every pupil gets a pack”/).waitFor();
    await expect(page.getByRole('button', { name: 'Report progress' }).count()).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'commitment');

    await page.getByRole('link', { name: 'Commitments' }).click();
    await page.getByLabel('Status').selectOption('FULFILLED');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('link', { name: 'Weekend meal packs for 300 pupils' }).waitFor();
    await page.getByText('1 commitment', { exact: true }).waitFor();

    const stored = (await web.app.rawEvents()).filter(
      (e) => e.stream === `commitment-${commitmentId}`,
    );
    expect(stored.map((e) => e.type)).toEqual([
      'CommitmentMade.v1',
      'ProgressReported.v1',
      'ProgressReported.v1',
      'ProgressReported.v1',
      'CommitmentFulfilled.v1',
    ]);
    expect(problems()).toEqual([]);
  }, 60_000);

  it("an evaluator moves the time control back and sees what was known then, reads a commitment's history field by field, and compares two dates", async () => {
    const { page, problems } = await signedIn(EVALUATOR, {
      at: `/initiatives/${INITIATIVE}/commitments`,
    });
    const day = (at: number) => new Date(at).toISOString().slice(0, 10);
    await page.getByRole('link', { name: 'Recruit 20 volunteer reading tutors' }).click();
    await page.getByText('60% done', { exact: true }).waitFor();
    // An evaluator writes nothing: no forms.
    await expect(page.getByRole('button', { name: 'Report progress' }).count()).resolves.toBe(0);

    // Three weeks ago, one report had been made.
    await page.getByLabel('as of (when it happened)').check();
    await page
      .getByLabel('Date and time')
      .fill(new Date(now - 21 * DAY).toISOString().slice(0, 16));
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/You are looking at the record as of/).waitFor();
    await page.getByText('25% done', { exact: true }).waitFor();
    await expect(page.locator('table tbody tr').count()).resolves.toBe(1);
    await page.getByRole('cell', { name: 'Five tutors signed up' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'commitment-as-of');

    // Its history: each version against the one before, with both times.
    await page.getByRole('link', { name: 'Back to now' }).click();
    await page.getByText('60% done', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Full history of this commitment' }).click();
    await page
      .getByRole('heading', { name: 'History: Recruit 20 volunteer reading tutors' })
      .waitFor();
    const versions = page.locator('ol.timeline > li');
    await expect(versions.count()).resolves.toBe(3);
    const latest = versions.last();
    await latest.getByRole('heading', { name: 'progress reported' }).waitFor();
    expect(
      await latest.locator('tr', { hasText: 'percent' }).locator('td').allTextContents(),
    ).toEqual(['25', '60']);
    expect(await latest.locator('tr', { hasText: 'note' }).locator('td').allTextContents()).toEqual(
      ['Five tutors signed up', 'Twelve tutors signed up'],
    );
    await latest.getByText(/By bo of food-bank\. Happened .*; recorded /).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/\{"/);
    await expectAccessible(page);
    await screenshot(page, 'history');

    // Two weeks ago to three days ago: one report happened then, none of it was recorded then.
    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    await page.getByRole('heading', { name: 'Changes between two dates' }).waitFor();
    await page.getByLabel('From', { exact: true }).fill(day(now - 14 * DAY));
    await page.getByLabel('To', { exact: true }).fill(day(now - 3 * DAY));
    await page.getByLabel('when it happened', { exact: true }).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText(/Reading by Nine: 1 change that happened from/).waitFor();
    const changed = page.locator('section', {
      has: page.getByRole('heading', { name: 'Commitments' }),
    });
    await changed.getByRole('link', { name: 'tutors' }).waitFor();
    await changed.getByText(/progress reported by bo/).waitFor();
    expect(new URL(page.url()).searchParams.get('timeline')).toBe('OCCURRED');
    await expectAccessible(page);
    await screenshot(page, 'changes');

    await page.getByLabel('when it was recorded', { exact: true }).check();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText(/Reading by Nine: 0 changes recorded from/).waitFor();
    await page.getByLabel('To', { exact: true }).fill(day(now + DAY));
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText(/Reading by Nine: \d+ changes recorded from/).waitFor();
    // Everything was recorded today: more than a page of it, the rest a link away.
    await page.getByRole('link', { name: 'More changes' }).click();
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    await page.getByText(/Reading by Nine: \d+ changes recorded from/).waitFor();
    await expectAccessible(page);

    expect(problems()).toEqual([]);
  }, 60_000);

  it('the screens of the stories are readable at 360 px wide: nothing but tables scrolls sideways', async () => {
    const { page, problems } = await signedIn(FOOD_BANK, { viewport: { width: 360, height: 780 } });
    const base = `/initiatives/${INITIATIVE}`;
    for (const path of [
      `${base}/commitments`,
      `${base}/commitments/tutors`,
      `${base}/history/tutors`,
      `${base}/changes`,
      `${base}/decisions`,
    ]) {
      await page.goto(`${web.origin}${path}`);
      await page.locator('main h1').waitFor();
      await page.getByRole('status').filter({ hasText: 'Loading' }).waitFor({ state: 'detached' });
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect({ path, width }).toEqual({ path, width: 360 });
      await expectAccessible(page);
    }
    await screenshot(page, 'commitments-360px');
    expect(problems()).toEqual([]);
  }, 60_000);

  it('an evaluator reads the risks as a register and a 5 × 5 heat map, and the roster on a past day', async () => {
    const { page, problems } = await signedIn(EVALUATOR, { at: `/initiatives/${INITIATIVE}` });
    await page.getByRole('link', { name: 'Risks' }).click();
    await page.getByRole('heading', { name: 'Risks', exact: true }).waitFor();
    const map = page.getByRole('table', { name: /by likelihood \(across\) and impact \(down\)/ });
    const severeRow = map.getByRole('row', { name: /^impact 5/ });
    // Likelihood 4 is the fifth cell of the row (after its header).
    expect(await severeRow.locator('td').nth(3).textContent()).toBe('1Volunteer drop-off');
    expect(await map.locator('td.heat li').allTextContents()).toEqual([
      'Volunteer drop-off',
      'Library closed for repairs',
    ]);
    const register = page.getByRole('table').last();
    expect(await register.locator('tbody tr').first().locator('td').allTextContents()).toEqual([
      'Volunteer drop-off',
      'operational',
      'open',
      '20 (severe: 4 × 5)',
      'County Food Bank',
      '—', // no mitigation planned
    ]);
    await expectAccessible(page);
    await screenshot(page, 'risks');

    await page.getByRole('link', { name: 'Reading by Nine' }).click();
    await page.getByRole('link', { name: 'Roster' }).click();
    await page.getByRole('heading', { name: 'Roster' }).waitFor();
    await page.getByText('9 roles held today.').waitFor();
    await page
      .getByLabel('On', { exact: true })
      .fill(new Date(now - 50 * DAY).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Show the roster' }).click();
    await page.getByText(/^1 role held on /).waitFor();
    expect(await page.locator('tbody tr td').nth(2).textContent()).toBe('backbone staff');
    await expectAccessible(page);
    expect(problems()).toEqual([]);
  }, 60_000);

  it('an evaluator reads an agreement: whether it is in force and why, and what each amendment changed', async () => {
    const { page, problems } = await signedIn(EVALUATOR, { at: `/initiatives/${INITIATIVE}` });
    await page.getByRole('link', { name: 'Agreements' }).click();
    await page.getByRole('heading', { name: 'Agreements', exact: true }).waitFor();
    await page.getByRole('cell', { name: '0 of 2 parties' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Reading club charter' }).click();
    await page
      .getByText(
        'Not in force: version 2 still needs the signature of City Hall, County Food Bank.',
      )
      .waitFor();
    const latest = page.locator('section.card', { hasText: 'Version 2 (current)' });
    await latest.getByText(/amended because parents asked for more/).waitFor();
    expect(await latest.locator('del').allTextContents()).toEqual(['[removed: monthly. ]']);
    expect(await latest.locator('ins').allTextContents()).toEqual(['[added: every two weeks. ]']);
    await expectAccessible(page);
    await screenshot(page, 'agreement');
    expect(problems()).toEqual([]);
  }, 60_000);

  it('an evaluator reads an indicator as a chart and a scorecard aware of the better direction, corrections shown as such', async () => {
    const { page, problems } = await signedIn(EVALUATOR, { at: `/initiatives/${INITIATIVE}` });
    await page.getByRole('link', { name: 'Shared measurement' }).click();
    const card = page.locator('section.card', { hasText: 'Third graders reading at grade level' });
    await card.getByText('Better when it goes up.', { exact: false }).waitFor();
    expect(await card.locator('dl.facts dd').allTextContents()).toEqual([
      '47 percent',
      '44 percent',
      '-25.25 percent',
      'getting better',
    ]);
    await card.getByText('44 percent (corrected from 43 percent)').waitFor();
    await card
      .getByRole('img', { name: /2 measurements, from 44 percent to 47 percent/ })
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'indicators');
    expect(problems()).toEqual([]);
  }, 60_000);
});

/** Reading by Nine: three voting members (Ana chairs), Bo represents the food bank, Eve evaluates. */
async function seed(app: TestApp, now: number): Promise<void> {
  const weeksAgo = (weeks: number) => new Date(now - weeks * 7 * DAY).toISOString();
  await launchWithThreePartners(app, now, READING_BY_NINE, [
    [CITY_HALL, 'CHAIR'],
    [CITY_HALL, 'STEERING_MEMBER'],
    [FOOD_BANK, 'STEERING_MEMBER'],
    [SCHOOLS, 'STEERING_MEMBER'],
    [FOOD_BANK, 'PARTNER_REPRESENTATIVE'],
    [FOOD_BANK_CLERK, 'PARTNER_REPRESENTATIVE'],
    [SCHOOLS, 'DATA_STEWARD'],
    [EVALUATOR, 'EVALUATOR'],
  ]);
  for (const [riskId, title, likelihood, impact, owner] of [
    ['drop-off', 'Volunteer drop-off', 4, 5, 'food-bank'],
    ['repairs', 'Library closed for repairs', 2, 3, 'city-hall'],
  ] as const) {
    expectNoErrors(
      await app.gql(
        IDENTIFY_RISK,
        {
          input: {
            riskId,
            initiativeId: INITIATIVE,
            title,
            description: `${title}: what it would cost the reading clubs`,
            category: 'OPERATIONAL',
            likelihood,
            impact,
            ownerPartnerId: owner,
            occurredAt: weeksAgo(3),
          },
        },
        CITY_HALL,
      ),
    );
  }
  const charter = (often: string) =>
    `The partners meet ${often} The food bank brings snacks to every club.`;
  expectNoErrors(
    await app.gql(
      DRAFT_AGREEMENT,
      {
        input: {
          agreementId: 'charter',
          initiativeId: INITIATIVE,
          kind: 'CHARTER',
          title: 'Reading club charter',
          parties: ['city-hall', 'food-bank'],
          text: charter('monthly.'),
          occurredAt: weeksAgo(4),
        },
      },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      AMEND_AGREEMENT,
      {
        input: {
          agreementId: 'charter',
          text: charter('every two weeks.'),
          reason: 'parents asked for more',
          occurredAt: weeksAgo(3),
        },
      },
      CITY_HALL,
    ),
  );
  const indicatorId = await defineIndicator(app, {
    initiativeId: INITIATIVE,
    occurredAt: weeksAgo(5),
  });
  for (const [measurementId, value, periodStart, periodEnd] of [
    ['autumn', '43', '2026-09-01', '2026-09-30'],
    ['winter', '47', '2026-10-01', '2026-10-31'],
  ] as const) {
    expectNoErrors(
      await app.gql(
        RECORD_MEASUREMENT,
        {
          input: {
            indicatorId,
            measurementId,
            value,
            periodStart,
            periodEnd,
            method: 'Spring reading assessment',
            sourcePartnerId: 'school-district',
          },
        },
        SCHOOLS,
      ),
    );
  }
  expectNoErrors(
    await app.gql(
      CORRECT_MEASUREMENT,
      {
        input: {
          indicatorId,
          measurementId: 'autumn',
          value: '44',
          reason: 'One school was missing',
        },
      },
      SCHOOLS,
    ),
  );
  // A commitment with progress reported twice, weeks apart, for the evaluator to look back on.
  expectNoErrors(
    await app.gql(
      MAKE,
      {
        input: {
          commitmentId: 'tutors',
          initiativeId: INITIATIVE,
          partnerId: 'food-bank',
          description: 'Recruit 20 volunteer reading tutors',
          resources: { hours: 200 },
          dueDate: new Date(now + 90 * DAY).toISOString().slice(0, 10),
          occurredAt: weeksAgo(5),
        },
      },
      FOOD_BANK,
    ),
  );
  for (const [percent, note, at] of [
    [25, 'Five tutors signed up', weeksAgo(4)],
    [60, 'Twelve tutors signed up', weeksAgo(1)],
  ] as const) {
    expectNoErrors(
      await app.gql(
        REPORT,
        { input: { commitmentId: 'tutors', percent, note, occurredAt: at } },
        FOOD_BANK,
      ),
    );
  }
}
