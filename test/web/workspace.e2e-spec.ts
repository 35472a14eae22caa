import type { Actor } from '@accord/domain';
import type { Request } from 'playwright-core';
import { CAST_VOTE, PROPOSE_DECISION } from '../support/decisions.operations';
import { expectNoErrors } from '../support/fixtures';
import { MAKE } from '../support/operations';

import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from '../support/test-app';
import { screenshot, workspaceInBrowser } from './browser';
import { launchWithThreePartners, READING_BY_NINE } from './three-partners';

const EVALUATOR: Actor = { personId: 'eve', partnerId: 'city-hall' };
const DAY = 86_400_000;
const INITIATIVE = READING_BY_NINE.initiativeId;
const DECISION = 'weekend-meals';

/**
 * The workspace in Debian's Chromium against the real app (SQLite, the built web app served
 * at /): sign-in links, the screens, a vote end to end, and time travel. Every page also fails
 * the test on a request to another host, a console error or an axe-core WCAG 2.1 AA violation.
 */
describe('the web workspace in a browser', () => {
  const now = Date.now();
  const boVotedAt = new Date(now - 2 * DAY).toISOString();
  const beforeChenVoted = new Date(now - DAY).toISOString();

  const web = workspaceInBrowser({
    seed: (app) => seed(app, now, boVotedAt),
    signInInPage: true,
  });
  const { expectAccessible } = web;

  async function signedIn(actor: Actor, viewport?: { width: number; height: number }) {
    const watched = await web.signedIn(actor, { viewport });
    // The code is spent and gone from the address bar and the history.
    expect(watched.page.url()).toBe(`${web.origin}/`);
    return watched;
  }

  it('a member sees what needs them, reads the initiative, and votes with a reason; a double click writes once', async () => {
    const { page, problems } = await signedIn(SCHOOLS);
    await expectAccessible(page);
    const card = page.locator('section.card', { hasText: 'Reading by Nine' });
    await card.getByRole('link', { name: 'Weekend meal packs' }).waitFor();
    await screenshot(page, 'my-initiatives');

    await card.getByRole('link', { name: 'Reading by Nine' }).click();
    await page.getByRole('heading', { name: 'Common agenda' }).waitFor();
    await page.getByText('A vote counts when half of the voting members take part').waitFor();
    await page.getByRole('heading', { name: 'nonprofit' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'initiative-overview');

    await page.getByRole('link', { name: 'Decisions' }).first().click();
    await page.getByRole('heading', { name: 'Decisions', exact: true }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Weekend meal packs' }).click();
    await page.getByRole('heading', { name: 'Your vote' }).waitFor();
    await page.getByText('1 of 3 voting members so far').waitFor();
    // The tab names the screen, and focus moved to it as on a page load.
    expect(await page.title()).toBe('Weekend meal packs · Accord');
    expect(await page.evaluate<string>('document.activeElement.id')).toBe('content');
    await expectAccessible(page);

    // One form, one command id: the refused try, the retry and the double click all carry it.
    const castVoteIds: string[] = [];
    // Removed once read: the page is kept for later tests (see workspaceInBrowser).
    const recordCastVote = (request: Request) => {
      const body = request.postData() ?? '';
      if (body.includes('mutation CastVote'))
        castVoteIds.push(JSON.parse(body).variables.input.commandId as string);
    };
    page.on('request', recordCastVote);
    // Blocking needs a reason: the server says so, next to the reason field.
    await page.getByLabel('block').check();
    await page.getByRole('button', { name: 'Cast vote' }).click();
    const reasonError = page.locator('#reason-error');
    await reasonError.waitFor();
    expect(await page.getByLabel('Reason').getAttribute('aria-describedby')).toBe('reason-error');
    expect(await reasonError.textContent()).toMatch(/reason/i);
    await expectAccessible(page);

    // Keyboard only: choose "for", type the reason, and send it twice in a row.
    await page.getByLabel('for', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Reason').fill('Teachers report hungry pupils on Mondays');
    await page.getByRole('button', { name: 'Cast vote' }).dblclick();
    await page.getByRole('heading', { name: 'Change your vote' }).waitFor();
    await page.getByText('2 of 3 voting members so far').waitFor();
    await page.getByText('“Teachers report hungry pupils on Mondays”').waitFor();
    const forCell = page.locator('table tbody tr td').first();
    expect(await forCell.textContent()).toBe('2');
    await screenshot(page, 'decision');

    page.off('request', recordCastVote);
    expect(castVoteIds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(castVoteIds).size).toBe(1);
    const votes = (await web.app.rawEvents()).filter(
      (e) => e.stream === `decision-${DECISION}` && e.type === 'VoteCast.v1',
    );
    expect(votes).toHaveLength(2);

    await page.goto(`${web.origin}/initiatives/${INITIATIVE}/accountability`);
    await page.getByRole('heading', { name: 'Accountability' }).waitFor();
    await page.getByRole('rowheader', { name: /County Food Bank/ }).waitFor();
    await page.getByLabel('1 overdue commitments of County Food Bank').click();
    await page.getByText('Reading-club snacks').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'accountability');

    expect(problems()).toEqual([]);
  }, 60_000);

  it('an evaluator moves the time control back and sees the earlier state, with a banner and the URL carrying it', async () => {
    const { page, problems } = await signedIn(EVALUATOR);
    await page.goto(`${web.origin}/initiatives/${INITIATIVE}/decisions/${DECISION}`);
    await page.getByRole('heading', { name: 'Weekend meal packs' }).waitFor();
    await expect(page.getByRole('heading', { name: 'Your vote' }).count()).resolves.toBe(0);

    await page.getByLabel('as of (when it happened)').check();
    const local = new Date(beforeChenVoted);
    await page
      .getByLabel('Date and time')
      .fill(
        new Date(local.getTime() - local.getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
      );
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/You are looking at the record as of/).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/initiatives/${INITIATIVE}/decisions/${DECISION}`);
    expect(Date.parse(url.searchParams.get('asOf')!)).toBe(
      Math.floor(Date.parse(beforeChenVoted) / 60_000) * 60_000,
    );
    await page.getByText('1 of 3 voting members so far').waitFor();
    await expect(
      page.getByText('“Teachers report hungry pupils on Mondays”').count(),
    ).resolves.toBe(0);
    await expectAccessible(page);
    await screenshot(page, 'decision-as-of');

    // As the ledger knew it then, the initiative did not exist yet: everything was recorded today.
    await page.getByLabel('as known on (when it was recorded)').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(/You are looking at the record as the ledger knew it on/).waitFor();
    expect(new URL(page.url()).searchParams.get('knownAt')).toBe(url.searchParams.get('asOf'));
    await page.getByText(/may not have existed yet/).waitFor();
    await expectAccessible(page);
    await page.goBack();
    await page.getByText('1 of 3 voting members so far').waitFor();

    // Links keep the point in time; "Back to now" leaves it.
    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('heading', { name: 'Decisions', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe(url.searchParams.get('asOf'));
    await page.getByRole('link', { name: 'Back to now' }).click();
    await page.getByRole('heading', { name: 'Decisions', exact: true }).waitFor();
    await expect(page.getByText(/You are looking at the record/).count()).resolves.toBe(0);

    expect(problems()).toEqual([]);
  });

  it('is readable at 360 px wide: nothing but tables scrolls sideways', async () => {
    const { page, problems } = await signedIn(FOOD_BANK, { width: 360, height: 780 });
    for (const path of [
      '/',
      `/initiatives/${INITIATIVE}`,
      `/initiatives/${INITIATIVE}/decisions/${DECISION}`,
    ]) {
      await page.goto(`${web.origin}${path}`);
      await page.locator('main h1').waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect({ path, width }).toEqual({ path, width: 360 });
    }
    await screenshot(page, 'decision-360px');
    await expectAccessible(page);
    expect(problems()).toEqual([]);
  });

  it('signing out ends the session on the server', async () => {
    const { page, problems } = await signedIn(FOOD_BANK);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are not signed in.').waitFor();
    await expectAccessible(page);
    const after = await page.evaluate(async () => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ initiatives { totalCount } }' }),
      });
      return (await response.json()) as { errors?: { extensions: { code: string } }[] };
    });
    expect(after.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(problems()).toEqual([]);
  });
});

/** Reading by Nine: three voting members, an open consensus decision Bo voted on two days ago. */
async function seed(app: TestApp, now: number, boVotedAt: string): Promise<void> {
  // Everything before the decision happened weeks ago, so the past the evaluator looks at has it.
  await launchWithThreePartners(app, now, READING_BY_NINE, [
    [CITY_HALL, 'CHAIR'],
    [CITY_HALL, 'STEERING_MEMBER'],
    [FOOD_BANK, 'STEERING_MEMBER'],
    [SCHOOLS, 'STEERING_MEMBER'],
    [FOOD_BANK, 'PARTNER_REPRESENTATIVE'],
    [EVALUATOR, 'EVALUATOR'],
  ]);
  expectNoErrors(
    await app.gql(
      PROPOSE_DECISION,
      {
        input: {
          decisionId: DECISION,
          initiativeId: INITIATIVE,
          title: 'Weekend meal packs',
          motion: 'The food bank provides weekend meal packs to every reading-club pupil.',
          rationale: 'Hungry children miss Monday reading clubs.',
          method: 'CONSENSUS',
          occurredAt: new Date(now - 3 * DAY).toISOString(),
        },
      },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      CAST_VOTE,
      {
        input: {
          decisionId: DECISION,
          choice: 'FOR',
          reason: 'We have the vans',
          occurredAt: boVotedAt,
        },
      },
      FOOD_BANK,
    ),
  );
  for (const [commitmentId, description, dueDate] of [
    ['snacks', 'Reading-club snacks', new Date(now - 5 * DAY).toISOString().slice(0, 10)],
    [
      'packs',
      'Weekend meal packs for 300 pupils',
      new Date(now + 60 * DAY).toISOString().slice(0, 10),
    ],
  ] as const) {
    expectNoErrors(
      await app.gql(
        MAKE,
        {
          input: {
            commitmentId,
            initiativeId: INITIATIVE,
            partnerId: 'food-bank',
            description,
            resources: { hours: 40 },
            dueDate,
            occurredAt: new Date(now - 30 * DAY).toISOString(),
          },
        },
        FOOD_BANK,
      ),
    );
  }
}
