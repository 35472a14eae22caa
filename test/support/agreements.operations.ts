import type { Actor, Role } from '@accord/domain';
import { createHash } from 'node:crypto';
import { expectNoErrors, launchWithPartners } from './fixtures';
import { RECEIPT } from './operations';
import { assignRole } from './roster.fixtures';
import { CITY_HALL, FOOD_BANK, SCHOOLS, type TestApp } from './test-app';

/** GraphQL documents and fixtures of the agreement end-to-end tests. */
export const AGREEMENT_FIELDS = `agreementId initiativeId kind title status currentVersion text textSha256 endDate
  draftedAt inForceSince closedAt terminatedBy terminationReason revision
  versions { version text textSha256 reason createdAt current signatures { partnerId signedBy signedAt } }
  parties { partnerId signature signedBy signedAt lastSignedVersion }`;

export const DRAFT_AGREEMENT = `mutation Draft($input: DraftAgreementInput!) {
  draftAgreement(input: $input) { ${RECEIPT} agreement { ${AGREEMENT_FIELDS} } }
}`;

export const AMEND_AGREEMENT = `mutation AmendAgreement($input: AmendAgreementInput!) {
  amendAgreement(input: $input) { ${RECEIPT} agreement { ${AGREEMENT_FIELDS} } }
}`;

export const SIGN_AGREEMENT = `mutation Sign($input: SignAgreementInput!) {
  signAgreement(input: $input) { ${RECEIPT} agreement { ${AGREEMENT_FIELDS} } }
}`;

export const TERMINATE_AGREEMENT = `mutation Terminate($input: TerminateAgreementInput!) {
  terminateAgreement(input: $input) { ${RECEIPT} agreement { ${AGREEMENT_FIELDS} } }
}`;

export const EXPIRE_AGREEMENT = `mutation Expire($input: ExpireAgreementInput!) {
  expireAgreement(input: $input) { ${RECEIPT} agreement { ${AGREEMENT_FIELDS} } }
}`;

export const AGREEMENT = `query Agreement($id: ID!) { agreement(id: $id) { ${AGREEMENT_FIELDS} } }`;

export const AGREEMENTS = `query Agreements($initiativeId: ID!, $status: AgreementStatus, $first: Int, $after: String) {
  agreements(initiativeId: $initiativeId, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { agreementId status currentVersion } }
  }
}`;

export const PARTNER_AGREEMENTS = `query PartnerAgreements($id: ID!) {
  initiative(id: $id) {
    partners {
      partnerId
      agreements {
        partnerId
        signed { agreementId title kind status currentVersion signedBy signedAt lastSignedVersion }
        pending { agreementId title kind status currentVersion signedBy signedAt lastSignedVersion }
      }
    }
  }
}`;

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A food-bank person with no signatory role. */
export const FOOD_BANK_CLERK: Actor = { personId: 'dee', partnerId: 'food-bank' };

/**
 * An initiative with city hall, the food bank and the school district, each with its signatory
 * (ana, bo, chen) in office; the food bank's clerk (dee) is only its partner representative.
 */
export async function launchWithSignatories(app: TestApp, initiativeId: string): Promise<string> {
  await launchWithPartners(app, initiativeId);
  for (const actor of [CITY_HALL, FOOD_BANK, SCHOOLS]) {
    await assignRole(app, { initiativeId, ...actor, role: 'SIGNATORY' });
  }
  await assignRole(app, { initiativeId, ...FOOD_BANK_CLERK, role: 'PARTNER_REPRESENTATIVE' });
  return initiativeId;
}

/**
 * A data-sharing agreement between the three partners of launchWithSignatories, signed by each
 * and so in force, sharing the initiative's confidential fields with these roles.
 */
export async function shareConfidentialFields(
  app: TestApp,
  initiativeId: string,
  roles: Uppercase<Role>[],
): Promise<string> {
  const drafted = await app.gql(
    DRAFT_AGREEMENT,
    {
      input: {
        initiativeId,
        kind: 'DATA_SHARING',
        title: 'Data-sharing agreement',
        parties: [CITY_HALL, FOOD_BANK, SCHOOLS].map((actor) => actor.partnerId),
        text: `Confidential fields are shared with ${roles.join(', ')}.`,
        sharesConfidentialWith: roles,
      },
    },
    CITY_HALL,
  );
  expectNoErrors(drafted);
  const agreementId = drafted.data.draftAgreement.agreement.agreementId as string;
  for (const actor of [CITY_HALL, FOOD_BANK, SCHOOLS]) {
    const signed = await app.gql(
      SIGN_AGREEMENT,
      { input: { agreementId, partnerId: actor.partnerId, version: 1 } },
      actor,
    );
    expectNoErrors(signed);
  }
  return agreementId;
}
