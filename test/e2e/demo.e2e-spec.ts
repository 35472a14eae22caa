import type { Actor } from '@accord/domain';
import { type DemoClient } from '../../apps/api/src/demo/demo-client';
import { DEMO_INITIATIVE_ID, loadDemoInitiative } from '../../apps/api/src/demo/demo-initiative';
import { LedgerNotEmptyError, loadDemo } from '../../apps/api/src/demo/load-demo';
import { expectNoErrors } from '../support/fixtures';
import { TestApp } from '../support/test-app';

const ACCOUNTABILITY = `query Accountability($initiativeId: ID!) {
  accountability(initiativeId: $initiativeId) {
    partners(first: 20) { totalCount edges { node {
      partner { organisationName sector }
      commitments { total fulfilled { totalCount } overdue { totalCount } missed { totalCount } withdrawn { totalCount } }
      roles { role person { name } }
    } } }
  }
}`;

const DECISIONS = `query Decisions($initiativeId: ID!) {
  decisions(initiativeId: $initiativeId, first: 20) { edges { node {
    decisionId status outcome
    quorum { reached participants votingMembers }
    votes { person { name } choice reason history { choice } }
    recusals { person { name } reason }
  } } }
}`;

/** Records what the demo would send, to compare two runs of the scenario. */
function recordingClient(): { client: DemoClient; sent: unknown[] } {
  const sent: unknown[] = [];
  const client = {
    commands: 0,
    run(actor: Actor, name: string, input: Record<string, unknown>) {
      sent.push([actor, name, input]);
      return Promise.resolve();
    },
  } as unknown as DemoClient;
  return { client, sent };
}

describe('The demo initiative', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start();
    await app.app.listen(0, '127.0.0.1');
    await loadDemo(app.app, app.config, 1);
  }, 180_000);
  afterAll(() => app?.stop());

  it('is recorded through the API: partners, named people and the commitments of each', async () => {
    const view = await app.gql(ACCOUNTABILITY, { initiativeId: DEMO_INITIATIVE_ID });
    expectNoErrors(view);
    const partners = view.data.accountability.partners;
    expect(partners.totalCount).toBe(12);
    const sectors = new Set(partners.edges.map((e: any) => e.node.partner.sector));
    expect(sectors.size).toBeGreaterThanOrEqual(6);
    const names = partners.edges.flatMap((e: any) => e.node.roles.map((r: any) => r.person.name));
    expect(names).toEqual(expect.arrayContaining(['Ana Okafor', 'Bo Lindqvist', 'Chen Wei']));
    expect(names).not.toContain(null);
    const total = (group: string) =>
      partners.edges.reduce((sum: number, e: any) => sum + e.node.commitments[group].totalCount, 0);
    expect(total('fulfilled')).toBeGreaterThan(0);
    expect(total('withdrawn')).toBe(1);
    expect(total('overdue') + total('missed')).toBeGreaterThan(0);
  });

  it('has decisions with votes, a recusal, a changed vote, a missed quorum and one still open', async () => {
    const answer = await app.gql(DECISIONS, { initiativeId: DEMO_INITIATIVE_ID });
    expectNoErrors(answer);
    const decisions = answer.data.decisions.edges.map((e: any) => e.node);
    expect(decisions).toHaveLength(8);
    const byId = new Map(decisions.map((d: any) => [d.decisionId, d]));
    const camp: any = byId.get('fund-summer-camp');
    expect(camp.recusals).toEqual([
      { person: { name: 'Fatima Zahra' }, reason: expect.any(String) },
    ]);
    const attendance: any = byId.get('share-attendance');
    const changed = attendance.votes.find((v: any) => v.person.name === 'Gus Moreno');
    expect(changed.history.map((h: any) => h.choice)).toEqual(['AGAINST', 'FOR']);
    expect((byId.get('second-coach') as any).quorum.reached).toBe(false);
    expect((byId.get('renew-data-sharing') as any).status).toBe('OPEN');
  });

  it('goes only into an empty ledger', async () => {
    await expect(loadDemo(app.app, app.config, 1)).rejects.toThrow(LedgerNotEmptyError);
  });

  it('is the same for the same seed, and another for another seed', async () => {
    const now = new Date('2026-06-01T12:00:00Z');
    const [first, again, other] = [recordingClient(), recordingClient(), recordingClient()];
    await loadDemoInitiative(first.client, { now, seed: 7 });
    await loadDemoInitiative(again.client, { now, seed: 7 });
    await loadDemoInitiative(other.client, { now, seed: 8 });
    expect(again.sent).toEqual(first.sent);
    expect(other.sent).not.toEqual(first.sent);
  });
});
