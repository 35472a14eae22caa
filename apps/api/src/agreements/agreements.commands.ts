import { agreementDecider, type AgreementState } from '@accord/domain';
import { inInitiative, inInitiativeOf } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { agreementStream } from '../ledger/streams';

const agreement = commandsOf(agreementDecider, (data: { agreementId: string }) =>
  agreementStream(data.agreementId),
);
const inItsInitiative = { subject: (state: AgreementState) => inInitiativeOf(state) };

export const AGREEMENT_COMMANDS = [
  agreement('DraftAgreement', {
    subject: (_, data) => inInitiative(data.initiativeId),
    needs: async (streams, data) => ({ initiative: await streams.initiative(data.initiativeId) }),
  }),
  agreement('AmendAgreement', inItsInitiative),
  agreement('SignAgreement', {
    subject: (state, data) => inInitiativeOf(state, () => data.partnerId),
  }),
  agreement('TerminateAgreement', inItsInitiative),
  agreement('ExpireAgreement', inItsInitiative),
];
