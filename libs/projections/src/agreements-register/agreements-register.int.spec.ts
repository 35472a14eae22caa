import { decodeCursor } from '../runtime/cursor';
import type { AgreementEvent } from '@accord/domain';
import type { ReadModelDatabase } from '../runtime/read-model-database';
import { project, READ_MODEL_BACKENDS, storedEvents } from '../testing/read-model-backends';
import { agreementsRegisterProjection } from './agreements-register.projection';
import { AgreementsRegisterReader } from './agreements-register.reader';

const at = '2026-03-01T10:00:00.000Z';
const agreement = (agreementId: string, event: AgreementEvent) => ({
  stream: `agreement-${agreementId}`,
  event,
});
const drafted = (agreementId: string) =>
  agreement(agreementId, {
    type: 'AgreementDrafted.v1',
    data: {
      agreementId,
      initiativeId: 'i1',
      kind: 'data_sharing',
      title: `agreement ${agreementId}`,
      parties: ['food-bank', 'city-hall'],
      text: 'v1 text',
      textSha256: 'sha-1',
      endDate: null,
      sharesConfidentialWith: ['evaluator'],
      version: 1,
      draftedAt: at,
    },
  });
const signed = (agreementId: string, partnerId: string, version: number) =>
  agreement(agreementId, {
    type: 'AgreementSigned.v1',
    data: {
      agreementId,
      initiativeId: 'i1',
      partnerId,
      signedBy: `${partnerId}-signatory`,
      version,
      textSha256: `sha-${version}`,
      signedAt: at,
    },
  });

describe.each(READ_MODEL_BACKENDS)('Agreements register on $name', (backend) => {
  let db: ReadModelDatabase;
  let cleanup: () => Promise<void>;
  let reader: AgreementsRegisterReader;
  beforeAll(async () => {
    ({ db, cleanup } = await backend.open());
    reader = new AgreementsRegisterReader(db);
    await project(
      db,
      agreementsRegisterProjection,
      storedEvents([
        drafted('a1'),
        signed('a1', 'food-bank', 1),
        agreement('a1', {
          type: 'AgreementAmended.v1',
          data: {
            agreementId: 'a1',
            initiativeId: 'i1',
            version: 2,
            text: 'v2 text',
            textSha256: 'sha-2',
            reason: 'scope',
            amendedAt: at,
          },
        }),
        signed('a1', 'city-hall', 2),
        drafted('a2'),
        signed('a2', 'food-bank', 1),
        signed('a2', 'city-hall', 1),
        agreement('a2', {
          type: 'AgreementEnteredIntoForce.v1',
          data: { agreementId: 'a2', initiativeId: 'i1', version: 1, enteredIntoForceAt: at },
        }),
        drafted('a3'),
        agreement('a3', {
          type: 'AgreementTerminated.v1',
          data: {
            agreementId: 'a3',
            initiativeId: 'i1',
            partnerId: 'city-hall',
            reason: 'ended',
            terminatedAt: at,
          },
        }),
      ]),
    );
  });
  afterAll(() => cleanup());

  it('keeps every version with its signatures, and which party signed the current one', async () => {
    const a1 = await reader.get('a1');
    expect(a1).toMatchObject({
      status: 'awaiting_signatures',
      currentVersion: 2,
      text: 'v2 text',
      sharesConfidentialWith: ['evaluator'],
    });
    expect(
      a1?.versions.map((v) => [
        v.version,
        v.current,
        v.reason,
        v.signatures.map((s) => s.partnerId),
      ]),
    ).toEqual([
      [1, false, null, ['food-bank']],
      [2, true, 'scope', ['city-hall']],
    ]);
    expect(a1?.parties.map((p) => [p.partnerId, p.signature, p.lastSignedVersion])).toEqual(
      expect.arrayContaining([
        ['food-bank', 'pending', 1],
        ['city-hall', 'signed', 2],
      ]),
    );
    expect(await reader.get('a2')).toMatchObject({ status: 'in_force', inForceSince: at });
    expect(await reader.get('a3')).toMatchObject({
      status: 'terminated',
      terminatedBy: 'city-hall',
      terminationReason: 'ended',
    });
  });

  it('pages and filters agreements in the order drafted', async () => {
    const first = await reader.list({ initiativeId: 'i1' }, { first: 2 });
    expect([
      first.edges.map((e) => e.node).map((a) => a.agreementId),
      first.totalCount,
      first.pageInfo.hasNextPage,
    ]).toEqual([['a1', 'a2'], 3, true]);
    const inForce = await reader.list({ status: 'in_force' }, { first: 5 });
    expect(inForce.edges.map((e) => e.node).map((a) => a.agreementId)).toEqual(['a2']);
  });

  it("groups each partner's live agreements into signed and pending", async () => {
    const byPartner = await reader.signaturesByPartner('i1');
    const summary = byPartner.map((p) => [
      p.partnerId,
      p.signed.map((a) => a.agreementId),
      p.pending.map((a) => a.agreementId),
    ]);
    expect(summary).toEqual([
      ['city-hall', ['a1', 'a2'], []],
      ['food-bank', ['a2'], ['a1']],
    ]);
    expect(await reader.signaturesByPartner('i1', [])).toEqual([]);
  });

  it('pages each partner of a list in SQL as the whole read gives it, counts by partner', async () => {
    const whole = new Map((await reader.signaturesByPartner('i1')).map((p) => [p.partnerId, p]));
    for (const signature of ['signed', 'pending'] as const)
      for (const partnerId of ['city-hall', 'food-bank', 'stranger']) {
        const seen = [];
        let after: number | undefined;
        for (;;) {
          const page = (
            await reader.signaturePagesByPartner('i1', ['food-bank', partnerId], signature, {
              first: 1,
              after,
            })
          ).get(partnerId)!;
          expect(page.totalCount).toBe(whole.get(partnerId)?.[signature].length ?? 0);
          seen.push(...page.edges.map(({ node }) => node));
          if (!page.pageInfo.hasNextPage) break;
          after = decodeCursor(page.pageInfo.endCursor!);
        }
        expect(seen).toEqual(whole.get(partnerId)?.[signature] ?? []);
      }
  });
});
