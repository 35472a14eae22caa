import * as inputs from './agreements.inputs';
import { AgreementPayload } from './agreement.model';
import { AgreementQueries } from './queries/agreement.queries';
import { sha256Hex } from './text-hash';
import { deriveEntityId } from '../ledger/streams';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const agreement = entityMutationsOf(inputs, AgreementPayload, AgreementQueries, 'agreement');

export const AgreementsMutations = mutationsResolver('AgreementsMutations', [
  agreement(
    'AmendAgreement',
    'Amend the text: a new version, and every party signs again.',
    (input) => ({
      agreementId: input.agreementId,
      text: input.text,
      textSha256: sha256Hex(input.text),
      reason: input.reason,
    }),
  ),
  agreement(
    'DraftAgreement',
    'Draft an agreement between partners: version 1 of its text, awaiting signatures.',
    (input, envelope) => {
      const agreementId = input.agreementId ?? deriveEntityId(envelope.commandId, 'agreement');
      const { initiativeId, kind, title, parties, text } = input;
      return {
        agreementId,
        initiativeId,
        kind,
        title,
        parties,
        text,
        textSha256: sha256Hex(text),
        endDate: input.endDate ?? null,
        ...(input.sharesConfidentialWith?.length
          ? { sharesConfidentialWith: input.sharesConfidentialWith }
          : {}),
      };
    },
  ),
  agreement(
    'ExpireAgreement',
    'Record that an agreement expired: only once its end date has passed.',
  ),
  agreement(
    'SignAgreement',
    "The party's signatory signs the current version; the last party's signature puts it in force.",
  ),
  agreement(
    'TerminateAgreement',
    'A party terminates the agreement, with the reason; it takes no more signatures.',
  ),
]);
