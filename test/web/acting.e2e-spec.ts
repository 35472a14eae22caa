import type { Actor } from '@accord/domain';
import { DRAFT_AGREEMENT } from '../support/agreements.operations';
import { CAST_VOTE, CLOSE_DECISION, PROPOSE_DECISION } from '../support/decisions.operations';
import { expectNoErrors } from '../support/fixtures';
import { DEFINE_INDICATOR, REVISE_COMMITMENT } from '../support/measurement.operations';
import { MAKE } from '../support/operations';
import {
  ALLOCATE_SHARES,
  DEFINE_POOL,
  IDENTIFY_RISK,
  PLAN_MITIGATION,
  REASSESS_RISK,
  RECORD_DISTRIBUTION,
} from '../support/risks-benefits.operations';

import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from '../support/test-app';
import { screenshot, workspaceInBrowser } from './browser';
import { launchWithThreePartners } from './three-partners';

const DAY = 86_400_000;
const EVALUATOR: Actor = { personId: 'eve', partnerId: 'city-hall' };
const INITIATIVE = 'harbour-meals';
const POOL = 'state-grant';

/**
 * The workspace's screens for acting, in Debian's Chromium against the real app: benefit pools
 * and the forms the policy table allows. Each page also fails the test on a request to another
 * host, a console error or an axe-core WCAG 2.1 AA violation.
 */
describe('acting in the web workspace', () => {
  const now = Date.now();

  const web = workspaceInBrowser({ seed: (app) => seed(app, now) });
  const { signedIn, expectAccessible } = web;

  const streamEvents = async (stream: string) =>
    (await web.app.rawEvents()).filter((e) => e.stream === stream);

  it('benefit pools: shares and distributions in the reader’s locale, exact underneath; only backbone staff record a distribution, and a refused one writes nothing', async () => {
    const partner = await signedIn(FOOD_BANK, {
      at: `/initiatives/${INITIATIVE}`,
      viewport: { width: 360, height: 780 },
    });
    await partner.page.getByRole('link', { name: 'Benefit pools' }).click();
    await partner.page.getByRole('heading', { name: 'Benefit pools' }).waitFor();
    const pool = partner.page.locator('section.card', { hasText: 'State literacy grant' });
    const allocation = pool.getByRole('region', { name: 'Allocation of State literacy grant' });
    const foodBankRow = allocation.getByRole('row', { name: /County Food Bank/ });
    // en-GB reader: shares and euros in British notation; the exact decimal stays in the markup.
    expect(await foodBankRow.textContent()).toContain('33.33 %');
    expect(await foodBankRow.textContent()).toContain('€333.30');
    // Received so far, and its share of the €1,000.00 paid out: the same, as it should be.
    await expect(foodBankRow.locator('data[value="333.30 EUR"]').count()).resolves.toBe(2);
    expect(await pool.getByText('€12,345,678.90', { exact: true }).getAttribute('value')).toBe(
      '12345678.90 EUR',
    );
    await pool.getByRole('cell', { name: 'Autumn term tutoring' }).waitFor();
    // Dates too: in the reader's locale, the exact instant in the <time> element.
    const recorded = pool.getByRole('row', { name: /Autumn term tutoring/ }).locator('time');
    expect(await recorded.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(await recorded.textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
    await expect(
      pool.getByRole('heading', { name: 'Record a distribution' }).count(),
    ).resolves.toBe(0);
    const width = await partner.page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBe(360);
    await expectAccessible(partner.page);
    expect(partner.problems()).toEqual([]);

    const staff = await signedIn(CITY_HALL, { at: `/initiatives/${INITIATIVE}/benefits` });
    const page = staff.page;
    const form = page.locator('form', { hasText: 'Record a distribution' });
    await form.waitFor();
    const before = (await streamEvents(`benefit-pool-${POOL}`)).length;
    // More than is left: refused beside the amount, nothing sent, nothing written.
    await form.getByLabel('Total paid out (EUR)').fill('99999999');
    await form.getByLabel('What it pays for').fill('Spring term tutoring');
    await form.getByRole('button', { name: 'Record the distribution' }).click();
    await form.getByText(/That is more than the €12,344,678.90 left in the pool/).waitFor();
    expect(await form.getByLabel('Total paid out (EUR)').getAttribute('aria-invalid')).toBe('true');
    // No note: the server names the field, and the message sits beside it.
    await form.getByLabel('Total paid out (EUR)').fill('500');
    await form
      .getByText(/Split by the allocation: City Hall €166.70; County Food Bank €166.65/)
      .waitFor();
    await form.getByLabel('What it pays for').fill('');
    await form.getByRole('button', { name: 'Record the distribution' }).click();
    const noteError = form.locator('[id$="-note-error"]');
    await noteError.waitFor();
    expect(await noteError.textContent()).toMatch(/note/i);
    await expectAccessible(page);
    expect(await streamEvents(`benefit-pool-${POOL}`)).toHaveLength(before);

    await form.getByLabel('What it pays for').fill('Spring term tutoring');
    await form.getByRole('button', { name: 'Record the distribution' }).dblclick();
    await page.getByRole('cell', { name: 'Spring term tutoring' }).waitFor();
    await page.getByText('€1,500.00', { exact: true }).first().waitFor();
    expect(
      (await streamEvents(`benefit-pool-${POOL}`)).filter(
        (e) => e.type === 'DistributionRecorded.v1',
      ),
    ).toHaveLength(2);
    await expectAccessible(page);
    await screenshot(page, 'benefit-pools');
    expect(staff.problems()).toEqual([]);
  }, 60_000);
  it('a commitment: a steering member accepts it, told when it changed meanwhile; its partner revises and withdraws it; refused forms write nothing', async () => {
    const stream = 'commitment-vans';
    const member = await signedIn(SCHOOLS, { at: `/initiatives/${INITIATIVE}/commitments/vans` });
    let page = member.page;
    await page.getByRole('heading', { name: 'Accept for the initiative' }).waitFor();
    // The due day in the reader's locale, the exact day in the <time> element.
    const due = page.locator('dt:has-text("Due by") + dd time');
    expect(await due.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await due.textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
    // School District 9 is not the commitment's partner: it may not revise or withdraw it.
    for (const name of ['Revise the commitment', 'Withdraw the commitment', 'Report progress'])
      await expect(page.getByRole('heading', { name }).count()).resolves.toBe(0);
    await expectAccessible(page);

    // The food bank revises it meanwhile: accepting the version on screen is refused.
    expectNoErrors(
      await web.app.gql(
        REVISE_COMMITMENT,
        {
          input: {
            commitmentId: 'vans',
            dueDate: new Date(now + 40 * DAY).toISOString().slice(0, 10),
            reason: 'The second van is in the garage',
          },
        },
        FOOD_BANK,
      ),
    );
    const revised = (await streamEvents(stream)).length;
    await page.getByRole('button', { name: 'Accept the commitment' }).click();
    await page.getByText('This commitment changed since you opened it.').waitFor();
    await page.getByText(/because The second van is in the garage/).waitFor();
    expect(await streamEvents(stream)).toHaveLength(revised);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Accept the commitment' }).click();
    await page.getByText(/^by chen,/).waitFor();
    await expect(
      page.getByRole('heading', { name: 'Accept for the initiative' }).count(),
    ).resolves.toBe(0);
    expect(member.problems()).toEqual([]);

    const partner = await signedIn(FOOD_BANK, {
      at: `/initiatives/${INITIATIVE}/commitments/vans`,
    });
    page = partner.page;
    const revise = page.locator('form', { hasText: 'Revise the commitment' });
    await revise.waitFor();
    const accepted = (await streamEvents(stream)).length;
    await revise.getByRole('button', { name: 'Revise' }).click();
    await revise.getByText('Give a new due date, a new scope, or both.').waitFor();
    // A new scope without a reason: the server's message sits beside the reason.
    await revise.getByLabel('New scope (optional)').fill('Three delivery vans on Saturdays');
    await revise.getByRole('button', { name: 'Revise' }).click();
    await revise.locator('#revise-reason-error').waitFor();
    expect(await revise.getByLabel('Why it changes').getAttribute('aria-describedby')).toBe(
      'revise-reason-error',
    );
    await expectAccessible(page);
    expect(await streamEvents(stream)).toHaveLength(accepted);
    await revise.getByLabel('Why it changes').fill('A volunteer lends a van');
    await revise.getByRole('button', { name: 'Revise' }).click();
    await page.getByRole('heading', { name: 'Three delivery vans on Saturdays' }).waitFor();
    await page.getByText(/because A volunteer lends a van/).waitFor();

    const withdraw = page.locator('form', { hasText: 'Withdraw the commitment' });
    await withdraw.getByLabel('Why you withdraw it').fill('The vans are needed elsewhere');
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();
    await page.locator('.status', { hasText: 'withdrawn' }).waitFor();
    await page.getByText(/The vans are needed elsewhere/).waitFor();
    await expect(page.locator('main form').count()).resolves.toBe(0);
    await expectAccessible(page);
    expect(partner.problems()).toEqual([]);
  }, 60_000);
  it('the roster: those who run the initiative assign and revoke roles, with the server’s message beside the field; others see no form', async () => {
    const member = await signedIn(SCHOOLS, { at: `/initiatives/${INITIATIVE}/roster` });
    await member.page.getByRole('heading', { name: 'Roster' }).waitFor();
    await member.page.getByRole('region', { name: 'Roster' }).waitFor();
    await expect(member.page.locator('main form').count()).resolves.toBe(1); // the day filter
    expect(member.problems()).toEqual([]);

    const staff = await signedIn(CITY_HALL, { at: `/initiatives/${INITIATIVE}/roster` });
    const page = staff.page;
    const assign = page.locator('form', { hasText: 'Assign a role' });
    await assign.waitFor();
    const before = (await web.app.rawEvents()).length;
    await assign.getByLabel('Person (their id)').fill('dee');
    await assign.getByLabel('For the partner').selectOption({ label: 'County Food Bank' });
    await assign.getByLabel('Role').selectOption({ label: 'working group lead' });
    await assign.getByRole('button', { name: 'Assign the role' }).click();
    await assign.getByText('Give the first day of the term.').waitFor();
    // A term that ends before it starts: the server says so beside the end date.
    await assign.getByLabel('Term starts').fill('2026-03-10');
    await assign.getByLabel('Term ends (optional)').fill('2026-03-01');
    await assign.getByRole('button', { name: 'Assign the role' }).click();
    await assign.locator('#assign-end-error').waitFor();
    expect(await assign.getByLabel('Term ends (optional)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectAccessible(page);
    expect(await web.app.rawEvents()).toHaveLength(before);

    await assign.getByLabel('Term ends (optional)').fill('');
    await assign.getByRole('button', { name: 'Assign the role' }).click();
    const row = page.getByRole('row', { name: /dee County Food Bank working group lead/ });
    await row.waitFor();

    const revoke = page.locator('form', { hasText: 'Revoke a role' });
    await revoke
      .getByLabel('Role held')
      .selectOption({ label: 'dee, working group lead for County Food Bank' });
    await revoke.getByRole('button', { name: 'Revoke the role' }).click();
    await revoke.locator('#revoke-reason-error').waitFor();
    await revoke.getByLabel('Why it ends').fill('Moved to another city');
    await revoke.getByRole('button', { name: 'Revoke the role' }).click();
    await expect(row.waitFor({ state: 'detached' })).resolves.toBeUndefined();
    await expectAccessible(page);
    expect(staff.problems()).toEqual([]);
  }, 60_000);
  it('risks: mitigations lead to their commitments; members identify risks; the owner reassesses, told when it changed meanwhile; refused forms write nothing', async () => {
    const member = await signedIn(SCHOOLS, { at: `/initiatives/${INITIATIVE}/risks` });
    await member.page.getByRole('heading', { name: 'Identify a risk' }).waitFor();
    // School District 9 does not own the van risk: no reassessing it.
    await expect(
      member.page.getByRole('heading', { name: 'Reassess a risk' }).count(),
    ).resolves.toBe(0);
    expect(member.problems()).toEqual([]);

    const owner = await signedIn(FOOD_BANK, { at: `/initiatives/${INITIATIVE}/risks` });
    const page = owner.page;
    const row = page.getByRole('row', { name: /A van breaks down/ });
    await row.getByText('A second van on standby').waitFor();
    expect(await row.getByRole('link', { name: 'commitment vans' }).getAttribute('href')).toBe(
      `/initiatives/${INITIATIVE}/commitments/vans`,
    );

    const identify = page.locator('form', { hasText: 'Identify a risk' });
    const before = (await web.app.rawEvents()).length;
    await identify.getByRole('button', { name: 'Identify the risk' }).click();
    await identify.locator('#identify-title-error').waitFor();
    expect(await web.app.rawEvents()).toHaveLength(before);
    await identify.getByLabel('Risk').fill('Volunteers drift away');
    await identify.getByLabel('What could happen').fill('Too few drivers on Saturdays.');
    await identify.getByLabel('Likelihood (1 rare to 5 almost certain)').selectOption('4');
    await identify.getByLabel('Impact (1 minor to 5 severe)').selectOption('5');
    await identify.getByLabel('Owned by').selectOption({ label: 'County Food Bank' });
    await identify.getByRole('button', { name: 'Identify the risk' }).click();
    await page.getByRole('row', { name: /Volunteers drift away.*20 \(severe: 4 × 5\)/ }).waitFor();

    // Someone reassesses the van risk meanwhile: the form's revision is refused, nothing written.
    const reassess = page.locator('form', { hasText: 'Reassess a risk' });
    await reassess.getByLabel('Risk', { exact: true }).selectOption({ label: 'A van breaks down' });
    expectNoErrors(
      await web.app.gql(
        REASSESS_RISK,
        { input: { riskId: 'van-breakdown', likelihood: 3, impact: 4, reason: 'Older vans' } },
        FOOD_BANK,
      ),
    );
    const reassessed = (await web.app.rawEvents()).length;
    await reassess.getByLabel('Likelihood (1 rare to 5 almost certain)').selectOption('1');
    await reassess.getByLabel('Why the score changes').fill('The standby van arrived');
    await reassess.getByRole('button', { name: 'Reassess' }).click();
    await reassess.getByText('This risk changed since you opened it.').waitFor();
    await reassess.getByText('It is now scored likelihood 3 × impact 4.').waitFor();
    expect(await web.app.rawEvents()).toHaveLength(reassessed);
    await expectAccessible(page);
    await reassess.getByRole('button', { name: 'Reassess' }).click();
    await page.getByRole('row', { name: /A van breaks down.*4 \(low: 1 × 4\)/ }).waitFor();
    await expectAccessible(page);
    expect(owner.problems()).toEqual([]);
  }, 60_000);
  it('agreements: a partner drafts, amends and signs; the server’s messages sit beside the fields; others see no form', async () => {
    const member = await signedIn(SCHOOLS, { at: `/initiatives/${INITIATIVE}/agreements` });
    await member.page.getByRole('heading', { name: 'Agreements' }).waitFor();
    await expect(member.page.locator('main form').count()).resolves.toBe(0);
    expect(member.problems()).toEqual([]);

    const partner = await signedIn(FOOD_BANK, { at: `/initiatives/${INITIATIVE}/agreements` });
    const page = partner.page;
    const draft = page.locator('form', { hasText: 'Draft an agreement' });
    await draft.getByLabel('Title').fill('Van sharing');
    await draft.getByLabel('Kind').selectOption({ label: 'mou' });
    await draft
      .getByLabel('Text')
      .fill('The food bank lends its vans to the schools on Saturdays.');
    const before = (await web.app.rawEvents()).length;
    await draft.getByRole('button', { name: 'Draft the agreement' }).click();
    await draft.locator('#draft-parties-error').waitFor();
    expect(await web.app.rawEvents()).toHaveLength(before);
    await expectAccessible(page);
    await draft.getByLabel('City Hall').check();
    await draft.getByLabel('County Food Bank').check();
    await draft.getByRole('button', { name: 'Draft the agreement' }).click();
    await page.getByRole('heading', { name: 'Van sharing' }).waitFor();
    await page.getByText(/still needs the signature of City Hall, County Food Bank/).waitFor();

    await page.getByRole('button', { name: 'Sign for County Food Bank' }).click();
    await page.getByText(/^County Food Bank: signed version 1/).waitFor();
    await expect(page.getByRole('heading', { name: 'Sign version 1' }).count()).resolves.toBe(0);

    // The same text again: the server says so beside the text, and nothing is written.
    const amend = page.locator('form', { hasText: 'Amend the text' });
    await amend.getByLabel('Why it changes').fill('Sundays too');
    const signed = (await web.app.rawEvents()).length;
    await amend.getByRole('button', { name: 'Amend' }).click();
    await amend.locator('#amend-text-error').waitFor();
    expect(await web.app.rawEvents()).toHaveLength(signed);
    await amend
      .getByLabel('New text (replaces version 1)')
      .fill('The food bank lends its vans to the schools on Saturdays and Sundays.');
    await amend.getByRole('button', { name: 'Amend' }).click();
    await page.getByText(/County Food Bank: signed version 1; must sign version 2 again/).waitFor();
    await page.getByRole('heading', { name: 'Sign version 2' }).waitFor();
    await page.getByRole('heading', { name: 'Version 2 (current)' }).waitFor();
    await expectAccessible(page);
    expect(partner.problems()).toEqual([]);
  }, 60_000);
  it('a data steward records a measurement; those who run the initiative record a meeting; the server’s messages sit beside the fields and refused forms write nothing', async () => {
    const partner = await signedIn(FOOD_BANK, { at: `/initiatives/${INITIATIVE}/indicators` });
    await partner.page.getByRole('heading', { name: 'Pupils fed at weekends' }).waitFor();
    await expect(partner.page.locator('main form').count()).resolves.toBe(0);
    await partner.page.goto(`${web.origin}/initiatives/${INITIATIVE}/meetings`);
    await partner.page.getByRole('heading', { name: 'Meetings' }).waitFor();
    await expect(partner.page.locator('main form').count()).resolves.toBe(0);
    expect(partner.problems()).toEqual([]);

    const steward = await signedIn(SCHOOLS, { at: `/initiatives/${INITIATIVE}/indicators` });
    let page = steward.page;
    const measure = page.locator('form', { hasText: 'Record a measurement of Pupils fed' });
    const day = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString().slice(0, 10);
    await measure.getByLabel('Period from').fill(day(7));
    await measure.getByLabel('Period to').fill(day(14));
    await measure.getByLabel('Value (pupils)').fill('many');
    await measure.getByLabel('How it was measured').fill('Pack sign-out sheets');
    const before = (await web.app.rawEvents()).length;
    await measure.getByRole('button', { name: 'Record the measurement' }).click();
    await measure.locator('[id$="-value-error"]').waitFor();
    await measure.getByLabel('Value (pupils)').fill('164');
    await measure.getByRole('button', { name: 'Record the measurement' }).click();
    await measure.locator('[id$="-end-error"]').waitFor();
    expect(await web.app.rawEvents()).toHaveLength(before);
    await expectAccessible(page);
    await measure.getByLabel('Period from').fill(day(14));
    await measure.getByLabel('Period to').fill(day(7));
    await measure.getByRole('button', { name: 'Record the measurement' }).click();
    await page.getByRole('cell', { name: /^164 pupils$/ }).waitFor();
    expect(steward.problems()).toEqual([]);

    const staff = await signedIn(CITY_HALL, { at: `/initiatives/${INITIATIVE}` });
    page = staff.page;
    await page.getByRole('link', { name: 'Meetings' }).click();
    const meeting = page.locator('form', { hasText: 'Record a meeting held' });
    await meeting.getByLabel('Title').fill('Steering committee, spring');
    await meeting.getByLabel('Held on').fill(day(2));
    await meeting.getByLabel('Agenda').fill('Vans\nGrant');
    await meeting.getByLabel('Minutes').fill('Agreed to share vans.');
    const unsent = (await web.app.rawEvents()).length;
    await meeting.getByRole('button', { name: 'Record the meeting' }).click();
    await meeting.locator('#meeting-attendees-error').waitFor();
    expect(await web.app.rawEvents()).toHaveLength(unsent);
    await expectAccessible(page);
    await meeting.getByLabel('bo (County Food Bank)').check();
    await meeting.getByLabel('chen (School District 9)').check();
    await meeting.getByRole('button', { name: 'Record the meeting' }).click();
    await page.getByRole('heading', { name: 'Steering committee, spring' }).waitFor();
    const held = page.locator('section.card', { hasText: 'Steering committee, spring' });
    expect(await held.locator('p.muted').textContent()).toMatch(
      /Attended by (bo \(County Food Bank\), chen|chen \(School District 9\), bo)/,
    );
    await page.getByRole('listitem').filter({ hasText: 'Grant' }).waitFor();
    await expectAccessible(page);
    expect(staff.problems()).toEqual([]);
  }, 60_000);
  it('my initiatives: agreements waiting for my signature, to the one who signs, and decisions whose review is due', async () => {
    const signatory = await signedIn(FOOD_BANK);
    let card = signatory.page.locator('section.card', { hasText: 'Harbour Meals' });
    await card.getByRole('heading', { name: 'Agreements waiting for my signature' }).waitFor();
    expect(await card.getByRole('link', { name: 'Kitchen use' }).getAttribute('href')).toBe(
      `/initiatives/${INITIATIVE}/agreements/kitchen-use`,
    );
    await card.getByRole('link', { name: 'Saturday opening hours' }).waitFor();
    await card.getByText(/review was due/).waitFor();
    await expectAccessible(signatory.page);
    expect(signatory.problems()).toEqual([]);

    // School District 9 signs nothing here: no such list, but the review is due for it too.
    const member = await signedIn(SCHOOLS);
    card = member.page.locator('section.card', { hasText: 'Harbour Meals' });
    await card.getByRole('link', { name: 'Saturday opening hours' }).waitFor();
    await expect(
      card.getByRole('heading', { name: 'Agreements waiting for my signature' }).count(),
    ).resolves.toBe(0);
    expect(member.problems()).toEqual([]);
  }, 60_000);
  it('accountability: each cell leads to the list behind it; risks owned, benefit shares and agreements per partner', async () => {
    const { page, problems } = await signedIn(SCHOOLS, {
      at: `/initiatives/${INITIATIVE}/accountability`,
    });
    const row = page.getByRole('row', { name: /County Food Bank/ });
    await row.getByRole('link', { name: 'A van breaks down' }).waitFor();
    expect(await row.getByRole('link', { name: 'State literacy grant' }).getAttribute('href')).toBe(
      `/initiatives/${INITIATIVE}/benefits`,
    );
    expect(await row.locator('data[value="33.33"]').textContent()).toBe('33.33 %');
    expect(await row.getByRole('link', { name: 'Kitchen use' }).getAttribute('href')).toBe(
      `/initiatives/${INITIATIVE}/agreements/kitchen-use`,
    );
    await expectAccessible(page);

    await row.getByLabel(/on track commitments of County Food Bank/).click();
    await row
      .getByRole('link', { name: 'The list of on track commitments of County Food Bank' })
      .click();
    await page.getByRole('heading', { name: 'Commitments' }).waitFor();
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      partner: FOOD_BANK.partnerId,
      status: 'OPEN',
      overdue: '0',
    });
    await page.getByRole('link', { name: 'Fifty plastic crates' }).waitFor();
    await expectAccessible(page);
    expect(problems()).toEqual([]);
  }, 60_000);
  it('the evaluator compares the accountability view at two dates side by side, both in the URL', async () => {
    const { page, problems } = await signedIn(EVALUATOR, {
      at: `/initiatives/${INITIATIVE}/accountability`,
      viewport: { width: 360, height: 780 },
    });
    await page.getByRole('link', { name: 'Compare two dates side by side' }).click();
    await page.getByRole('heading', { name: 'Accountability at two dates' }).waitFor();
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByText('Give both dates.').first().waitFor();
    const day = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString().slice(0, 10);
    await page.getByLabel('First date').fill(day(21));
    await page.getByLabel('Second date').fill(day(0));
    await page.getByRole('button', { name: 'Compare' }).click();
    const row = page.getByRole('row', { name: /County Food Bank/ });
    await row.waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe(`/initiatives/${INITIATIVE}/accountability/compare`);
    expect(url.searchParams.get('from')).toBe(`${day(21)}T23:59:59.999Z`);
    expect(url.searchParams.get('to')).toBe(`${day(0)}T23:59:59.999Z`);
    // Three weeks ago the food bank had committed to nothing; today its commitments are open.
    const onTrack = row.getByRole('cell').nth(0);
    expect(await onTrack.textContent()).toMatch(/^0 → [12] \(\+[12]\)$/);
    await expectAccessible(page);
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBe(360);
    await screenshot(page, 'accountability-compare');

    // The URL alone brings the same comparison back, as a bookmark or a shared link would.
    await page.goto(url.toString());
    expect(
      await page
        .getByRole('row', { name: /County Food Bank/ })
        .getByRole('cell')
        .nth(0)
        .textContent(),
    ).toBe(await onTrack.textContent());
    expect(await page.getByLabel('First date').inputValue()).toBe(day(21));
    expect(problems()).toEqual([]);
  }, 60_000);
});

/** Harbour Meals: three partners, a funding pool shared 33.34 / 33.33 / 33.33, one payment out. */
async function seed(app: TestApp, now: number): Promise<void> {
  const weeksAgo = (weeks: number) => new Date(now - weeks * 7 * DAY).toISOString();
  await launchWithThreePartners(
    app,
    now,
    {
      initiativeId: INITIATIVE,
      name: 'Harbour Meals',
      problemStatement: 'Children in the harbour district go hungry at weekends.',
      commonAgenda: 'No child in the harbour district goes hungry.',
    },
    [
      [CITY_HALL, 'STEERING_MEMBER'],
      [FOOD_BANK, 'STEERING_MEMBER'],
      [SCHOOLS, 'STEERING_MEMBER'],
      [FOOD_BANK, 'PARTNER_REPRESENTATIVE'],
      [FOOD_BANK, 'SIGNATORY'],
      [SCHOOLS, 'DATA_STEWARD'],
      [EVALUATOR, 'EVALUATOR'],
    ],
  );
  expectNoErrors(
    await app.gql(
      DEFINE_POOL,
      {
        input: {
          poolId: POOL,
          initiativeId: INITIATIVE,
          name: 'State literacy grant',
          kind: 'FUNDING',
          description: 'The state grant for tutoring and meals.',
          amount: { amount: '12345678.90', currency: 'EUR' },
        },
      },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      ALLOCATE_SHARES,
      {
        input: {
          poolId: POOL,
          shares: [
            { partnerId: CITY_HALL.partnerId, percent: '33.34' },
            { partnerId: FOOD_BANK.partnerId, percent: '33.33' },
            { partnerId: SCHOOLS.partnerId, percent: '33.33' },
          ],
        },
      },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      RECORD_DISTRIBUTION,
      {
        input: {
          poolId: POOL,
          note: 'Autumn term tutoring',
          amounts: [
            { partnerId: CITY_HALL.partnerId, amount: { amount: '333.40', currency: 'EUR' } },
            { partnerId: FOOD_BANK.partnerId, amount: { amount: '333.30', currency: 'EUR' } },
            { partnerId: SCHOOLS.partnerId, amount: { amount: '333.30', currency: 'EUR' } },
          ],
        },
      },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      MAKE,
      {
        input: {
          commitmentId: 'vans',
          initiativeId: INITIATIVE,
          partnerId: FOOD_BANK.partnerId,
          description: 'Two delivery vans on Saturdays',
          dueDate: new Date(now + 30 * DAY).toISOString().slice(0, 10),
          occurredAt: weeksAgo(2),
        },
      },
      FOOD_BANK,
    ),
  );
  expectNoErrors(
    await app.gql(
      IDENTIFY_RISK,
      {
        input: {
          riskId: 'van-breakdown',
          initiativeId: INITIATIVE,
          title: 'A van breaks down',
          description: 'Saturday deliveries stop.',
          category: 'OPERATIONAL',
          likelihood: 2,
          impact: 4,
          ownerPartnerId: FOOD_BANK.partnerId,
        },
      },
      FOOD_BANK,
    ),
  );
  expectNoErrors(
    await app.gql(
      PLAN_MITIGATION,
      {
        input: {
          riskId: 'van-breakdown',
          description: 'A second van on standby',
          commitmentIds: ['vans'],
        },
      },
      FOOD_BANK,
    ),
  );
  expectNoErrors(
    await app.gql(
      DEFINE_INDICATOR,
      {
        input: {
          indicatorId: 'weekend-meals',
          initiativeId: INITIATIVE,
          name: 'Pupils fed at weekends',
          unit: 'pupils',
          direction: 'UP',
          baseline: { value: '120', date: weeksAgo(8).slice(0, 10) },
          target: { value: '300', date: new Date(now + 365 * DAY).toISOString().slice(0, 10) },
          dataSteward: { personId: SCHOOLS.personId, partnerId: SCHOOLS.partnerId },
        },
      },
      CITY_HALL,
    ),
  );
  // An adopted decision whose review date came a week ago, and an agreement awaiting signatures.
  expectNoErrors(
    await app.gql(
      PROPOSE_DECISION,
      {
        input: {
          decisionId: 'saturday-hours',
          initiativeId: INITIATIVE,
          title: 'Saturday opening hours',
          motion: 'The pantry opens from 9 to 1 on Saturdays.',
          rationale: 'Working parents cannot come on weekdays.',
          method: 'SIMPLE_MAJORITY',
          reviewDate: weeksAgo(1).slice(0, 10),
          occurredAt: weeksAgo(5),
        },
      },
      CITY_HALL,
    ),
  );
  for (const actor of [CITY_HALL, FOOD_BANK, SCHOOLS])
    expectNoErrors(
      await app.gql(
        CAST_VOTE,
        { input: { decisionId: 'saturday-hours', choice: 'FOR', occurredAt: weeksAgo(5) } },
        actor,
      ),
    );
  expectNoErrors(
    await app.gql(
      CLOSE_DECISION,
      { input: { decisionId: 'saturday-hours', occurredAt: weeksAgo(4) } },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      DRAFT_AGREEMENT,
      {
        input: {
          agreementId: 'kitchen-use',
          initiativeId: INITIATIVE,
          title: 'Kitchen use',
          kind: 'MOU',
          parties: [CITY_HALL.partnerId, FOOD_BANK.partnerId],
          text: 'City Hall lends its kitchen to the food bank on Fridays.',
        },
      },
      CITY_HALL,
    ),
  );
  expectNoErrors(
    await app.gql(
      MAKE,
      {
        input: {
          commitmentId: 'crates',
          initiativeId: INITIATIVE,
          partnerId: FOOD_BANK.partnerId,
          description: 'Fifty plastic crates',
          dueDate: new Date(now + 20 * DAY).toISOString().slice(0, 10),
          occurredAt: weeksAgo(2),
        },
      },
      FOOD_BANK,
    ),
  );
}
