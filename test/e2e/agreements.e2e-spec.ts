import {
  AGREEMENT,
  AGREEMENTS,
  AMEND_AGREEMENT,
  DRAFT_AGREEMENT,
  EXPIRE_AGREEMENT,
  FOOD_BANK_CLERK,
  launchWithSignatories,
  PARTNER_AGREEMENTS,
  sha256,
  SIGN_AGREEMENT,
  TERMINATE_AGREEMENT,
} from '../support/agreements.operations';
import { expectNoErrors, ONE_YEAR_AHEAD } from '../support/fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, FEATURE_STORES, TestApp } from '../support/test-app';
import type { Actor } from '@accord/domain';

const PARTIES = [CITY_HALL.partnerId, FOOD_BANK.partnerId, SCHOOLS.partnerId];
const CHARTER_TEXT =
  'The partners of Reading by Nine agree on a common agenda, shared measurement and continuous communication.';

describe.each(FEATURE_STORES)('Agreements over GraphQL on %s', (store) => {
  let app: TestApp;
  let initiativeId: string;
  beforeAll(async () => {
    app = await TestApp.start({ store });
    initiativeId = await launchWithSignatories(app, 'reading-by-9');
  });
  afterAll(() => app.stop());

  const draft = (input: Record<string, unknown> = {}, actor: Actor = CITY_HALL) =>
    app.gql(
      DRAFT_AGREEMENT,
      {
        input: {
          initiativeId,
          kind: 'CHARTER',
          title: 'Partnership charter',
          parties: PARTIES,
          text: CHARTER_TEXT,
          endDate: ONE_YEAR_AHEAD,
          ...input,
        },
      },
      actor,
    );
  const drafted = async (input: Record<string, unknown> = {}): Promise<string> => {
    const res = await draft(input);
    expectNoErrors(res);
    return res.data.draftAgreement.agreement.agreementId as string;
  };
  const sign = (agreementId: string, actor: Actor, input: Record<string, unknown> = {}) =>
    app.gql(
      SIGN_AGREEMENT,
      { input: { agreementId, partnerId: actor.partnerId, version: 1, ...input } },
      actor,
    );
  const amend = (agreementId: string, text: string, actor: Actor = CITY_HALL) =>
    app.gql(
      AMEND_AGREEMENT,
      { input: { agreementId, text, reason: 'Add the data-sharing annex' } },
      actor,
    );

  /** Runs a command that must be refused, and checks that nothing was written. */
  async function refused(
    run: () => Promise<{ errors?: Array<{ extensions: Record<string, any> }> }>,
  ): Promise<Record<string, any>> {
    const before = await app.eventCount();
    const res = await run();
    expect(res.errors).toHaveLength(1);
    expect(await app.eventCount()).toBe(before);
    return res.errors![0]!.extensions;
  }

  describe('a charter between three partners', () => {
    let agreementId: string;

    it('is drafted as version 1 awaiting every signature, with the SHA-256 of its text', async () => {
      const res = await draft({ agreementId: 'charter' });
      expectNoErrors(res);
      agreementId = res.data.draftAgreement.agreement.agreementId;
      expect(res.data.draftAgreement.receipt.stream).toBe('agreement-charter');
      expect(res.data.draftAgreement.agreement).toMatchObject({
        agreementId: 'charter',
        initiativeId,
        kind: 'CHARTER',
        title: 'Partnership charter',
        status: 'AWAITING_SIGNATURES',
        currentVersion: 1,
        text: CHARTER_TEXT,
        textSha256: sha256(CHARTER_TEXT),
        endDate: ONE_YEAR_AHEAD,
        inForceSince: null,
        versions: [
          {
            version: 1,
            text: CHARTER_TEXT,
            textSha256: sha256(CHARTER_TEXT),
            reason: null,
            current: true,
            signatures: [],
          },
        ],
        parties: PARTIES.map((partnerId) => ({
          partnerId,
          signature: 'PENDING',
          signedBy: null,
          signedAt: null,
          lastSignedVersion: null,
        })),
      });
      const stored = (await app.rawEvents()).find(
        (e) => e.type === 'AgreementDrafted.v1' && e.stream === 'agreement-charter',
      );
      expect(stored?.data).toMatchObject({
        parties: PARTIES,
        text: CHARTER_TEXT,
        textSha256: sha256(CHARTER_TEXT),
        version: 1,
      });
      expect(stored?.data.textSha256).toMatch(/^[0-9a-f]{64}$/);
    });

    it("is signed by each party's signatory and enters into force with the last signature", async () => {
      const first = await sign(agreementId, CITY_HALL);
      expectNoErrors(first);
      const second = await sign(agreementId, FOOD_BANK);
      expectNoErrors(second);
      expect(second.data.signAgreement.agreement).toMatchObject({
        status: 'AWAITING_SIGNATURES',
        parties: [
          { partnerId: 'city-hall', signature: 'SIGNED', signedBy: 'ana', lastSignedVersion: 1 },
          { partnerId: 'food-bank', signature: 'SIGNED', signedBy: 'bo', lastSignedVersion: 1 },
          { partnerId: 'school-district', signature: 'PENDING', signedBy: null },
        ],
      });

      const last = await sign(agreementId, SCHOOLS);
      expectNoErrors(last);
      const agreement = last.data.signAgreement.agreement;
      expect(agreement.status).toBe('IN_FORCE');
      expect(agreement.inForceSince).not.toBeNull();
      expect(agreement.parties.map((p: any) => [p.partnerId, p.signature, p.signedBy])).toEqual([
        ['city-hall', 'SIGNED', 'ana'],
        ['food-bank', 'SIGNED', 'bo'],
        ['school-district', 'SIGNED', 'chen'],
      ]);
      expect(agreement.versions[0].signatures.map((s: any) => s.signedBy)).toEqual([
        'ana',
        'bo',
        'chen',
      ]);

      // The last signature and the entry into force are one decision: one command, two events.
      const commandId = last.data.signAgreement.receipt.commandId;
      const written = (await app.rawEvents()).filter((e) => e.metadata.commandId === commandId);
      expect(written.map((e) => e.type)).toEqual([
        'AgreementSigned.v1',
        'AgreementEnteredIntoForce.v1',
      ]);
      expect(written[0]!.data).toMatchObject({
        partnerId: 'school-district',
        signedBy: 'chen',
        version: 1,
        textSha256: sha256(CHARTER_TEXT),
      });

      const inForce = await app.gql(AGREEMENTS, { initiativeId, status: 'IN_FORCE' });
      expectNoErrors(inForce);
      expect(inForce.data.agreements.edges.map((e: any) => e.node.agreementId)).toEqual([
        'charter',
      ]);
    });

    it('when amended, goes back to awaiting signatures: older signatures no longer count', async () => {
      const newText = `${CHARTER_TEXT} Annex A: data sharing.`;
      const res = await amend(agreementId, newText);
      expectNoErrors(res);
      const agreement = res.data.amendAgreement.agreement;
      expect(agreement).toMatchObject({
        status: 'AWAITING_SIGNATURES',
        currentVersion: 2,
        text: newText,
        textSha256: sha256(newText),
        inForceSince: null,
        parties: PARTIES.map((partnerId) => ({
          partnerId,
          signature: 'PENDING',
          signedBy: null,
          signedAt: null,
          lastSignedVersion: 1,
        })),
      });
      expect(
        agreement.versions.map((v: any) => [v.version, v.textSha256, v.reason, v.current]),
      ).toEqual([
        [1, sha256(CHARTER_TEXT), null, false],
        [2, sha256(newText), 'Add the data-sharing annex', true],
      ]);
      expect(agreement.versions[0].signatures).toHaveLength(3);
      expect(agreement.versions[1].signatures).toEqual([]);

      const resigned = await sign(agreementId, FOOD_BANK, { version: 2 });
      expectNoErrors(resigned);
      expect(resigned.data.signAgreement.agreement.parties[1]).toMatchObject({
        partnerId: 'food-bank',
        signature: 'SIGNED',
        signedBy: 'bo',
        lastSignedVersion: 2,
      });

      const read = await app.gql(AGREEMENT, { id: agreementId });
      expectNoErrors(read);
      // drafted 0, three signatures 1-3, in force 4, amended 5, signed again 6
      expect(read.data.agreement.revision).toBe(6);
      expect(resigned.data.signAgreement.receipt.revision).toBe(6);
    });

    it('refuses a signature of the old version', async () => {
      const error = await refused(() => sign(agreementId, SCHOOLS, { version: 1 }));
      expect(error).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'AGREEMENT.VERSION_NOT_CURRENT',
        field: 'version',
      });
    });

    it('refuses an amendment with the same text', async () => {
      const current = (await app.gql(AGREEMENT, { id: agreementId })).data.agreement.text;
      const error = await refused(() => amend(agreementId, current));
      expect(error).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'AGREEMENT.SAME_TEXT',
        field: 'text',
      });
    });
  });

  // One refusal per error code and mutation here; every rule, with its field, is in
  // libs/domain/src/agreement/agreement.unit.spec.ts.
  describe('refuses bad input and writes nothing', () => {
    it('an unknown agreement id', async () => {
      const error = await refused(() => sign('no-such-agreement', CITY_HALL));
      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        rule: 'AGREEMENT.NOT_FOUND',
        field: 'agreementId',
      });
      const read = await app.gql(AGREEMENT, { id: 'no-such-agreement' });
      expect(read.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    });

    it.each([
      ['amendAgreement', AMEND_AGREEMENT, { text: 'x', reason: 'y' }],
      ['terminateAgreement', TERMINATE_AGREEMENT, { reason: 'y' }],
      ['expireAgreement', EXPIRE_AGREEMENT, {}],
    ])('an unknown agreement id in %s', async (_name, document, input) => {
      const error = await refused(() =>
        app.gql(document, { input: { agreementId: 'no-such-agreement', ...input } }, CITY_HALL),
      );
      expect(error).toMatchObject({
        code: 'NOT_FOUND',
        rule: 'AGREEMENT.NOT_FOUND',
        field: 'agreementId',
      });
    });

    it('an unknown initiative id', async () => {
      const error = await refused(() => draft({ initiativeId: 'no-such-initiative' }));
      expect(error).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'AGREEMENT.INITIATIVE_NOT_FOUND',
        field: 'initiativeId',
      });
    });

    it('a malformed party id', async () => {
      const error = await refused(() => draft({ parties: ['city hall!'] }));
      expect(error.code).toBe('BAD_USER_INPUT');
      expect(error.fields).toEqual([
        expect.objectContaining({ field: 'parties', rule: 'matches' }),
      ]);
    });

    it('a signature by a person without the signatory role', async () => {
      const id = await drafted();
      const error = await refused(() => sign(id, FOOD_BANK_CLERK));
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        mutation: 'signAgreement',
        actor: FOOD_BANK_CLERK,
        rolesNeeded: ['signatory of food-bank'],
      });
    });

    it('a signatory signing for another partner', async () => {
      const id = await drafted();
      const error = await refused(() => sign(id, CITY_HALL, { partnerId: FOOD_BANK.partnerId }));
      expect(error).toMatchObject({
        code: 'FORBIDDEN',
        mutation: 'signAgreement',
        actor: CITY_HALL,
        rolesNeeded: ['signatory of food-bank'],
      });
    });

    it('expiring before the end date', async () => {
      const id = await drafted();
      const error = await refused(() =>
        app.gql(EXPIRE_AGREEMENT, { input: { agreementId: id } }, CITY_HALL),
      );
      expect(error).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'AGREEMENT.NOT_YET_EXPIRED',
        field: 'agreementId',
      });
    });
  });

  describe('termination and expiry', () => {
    it('a party terminates; a non-party cannot, and a terminated agreement takes no signature', async () => {
      const id = await drafted({ kind: 'MOU', parties: ['city-hall', 'food-bank'] });
      const terminate = (actor: Actor) =>
        app.gql(
          TERMINATE_AGREEMENT,
          { input: { agreementId: id, reason: 'The pilot ended' } },
          actor,
        );
      const outsider = await refused(() => terminate(SCHOOLS));
      expect(outsider).toMatchObject({
        code: 'DOMAIN_RULE_VIOLATED',
        rule: 'AGREEMENT.NOT_A_PARTY',
      });

      const res = await terminate(FOOD_BANK);
      expectNoErrors(res);
      expect(res.data.terminateAgreement.agreement).toMatchObject({
        kind: 'MOU',
        status: 'TERMINATED',
        terminatedBy: 'food-bank',
        terminationReason: 'The pilot ended',
      });
      expect(res.data.terminateAgreement.agreement.closedAt).not.toBeNull();

      const late = await refused(() => sign(id, CITY_HALL));
      expect(late).toMatchObject({ rule: 'AGREEMENT.TERMINATED', field: 'agreementId' });
    });

    it('expires once its end date has passed', async () => {
      const id = await drafted({
        kind: 'DATA_SHARING',
        occurredAt: '2025-01-10T09:00:00.000Z',
        endDate: '2025-06-30',
      });
      // Backbone staff (ana, the launcher) record the expiry.
      const res = await app.gql(EXPIRE_AGREEMENT, { input: { agreementId: id } }, CITY_HALL);
      expectNoErrors(res);
      expect(res.data.expireAgreement.agreement).toMatchObject({
        kind: 'DATA_SHARING',
        status: 'EXPIRED',
        endDate: '2025-06-30',
      });
      const late = await refused(() => amend(id, 'A new text'));
      expect(late).toMatchObject({ rule: 'AGREEMENT.EXPIRED', field: 'agreementId' });
    });
  });

  it('lists per partner the live agreements it signed and those awaiting its signature', async () => {
    const other = await launchWithSignatories(app, 'accountability');
    const draftIn = async (agreementId: string, parties: string[], kind: string) => {
      const res = await app.gql(
        DRAFT_AGREEMENT,
        {
          input: {
            agreementId,
            initiativeId: other,
            kind,
            title: agreementId,
            parties,
            text: `Text of ${agreementId}`,
          },
        },
        CITY_HALL,
      );
      expectNoErrors(res);
    };
    await draftIn('funding-1', ['city-hall', 'food-bank'], 'FUNDING');
    await draftIn('mou-1', ['food-bank', 'school-district'], 'MOU');
    await draftIn('closed-1', ['food-bank'], 'MOU');
    expectNoErrors(await sign('funding-1', FOOD_BANK));
    expectNoErrors(
      await app.gql(
        TERMINATE_AGREEMENT,
        { input: { agreementId: 'closed-1', reason: 'superseded' } },
        FOOD_BANK,
      ),
    );

    const res = await app.gql(PARTNER_AGREEMENTS, { id: other });
    expectNoErrors(res);
    const byPartner = Object.fromEntries(
      res.data.initiative.partners.map((p: any) => [
        p.partnerId,
        {
          signed: p.agreements.signed.map((a: any) => a.agreementId),
          pending: p.agreements.pending.map((a: any) => a.agreementId),
        },
      ]),
    );
    expect(byPartner).toEqual({
      'city-hall': { signed: [], pending: ['funding-1'] },
      'food-bank': { signed: ['funding-1'], pending: ['mou-1'] },
      'school-district': { signed: [], pending: ['mou-1'] },
    });
    const foodBank = res.data.initiative.partners.find((p: any) => p.partnerId === 'food-bank');
    expect(foodBank.agreements.signed[0]).toMatchObject({
      kind: 'FUNDING',
      status: 'AWAITING_SIGNATURES',
      currentVersion: 1,
      signedBy: 'bo',
      lastSignedVersion: 1,
    });
  });
});
