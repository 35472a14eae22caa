import { agreementDecider, type AgreementState } from '@accord/domain';
import { inInitiativeOf, inNamedInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { agreementStream } from '../ledger/streams';

const agreement = commandsOf(agreementDecider, (data: { agreementId: string }) =>
  agreementStream(data.agreementId),
);
const inItsInitiative = { subject: (state: AgreementState) => inInitiativeOf(state) };

export const AGREEMENT_COMMANDS = [
  agreement('DraftAgreement', inNamedInitiative),
  agreement('AmendAgreement', inItsInitiative),
  agreement('SignAgreement', {
    subject: (state, data) => inInitiativeOf(state, () => data.partnerId),
  }),
  agreement('TerminateAgreement', inItsInitiative),
  agreement('ExpireAgreement', inItsInitiative),
];
