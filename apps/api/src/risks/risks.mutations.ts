import * as inputs from './risks.inputs';
import { RiskQueries } from './queries/risk.queries';
import { RiskPayload } from './risk.model';
import { deriveEntityId } from '../ledger/streams';
import { mutationsOf, mutationsResolver } from '../graphql/mutation-table';

const risk = mutationsOf(
  inputs,
  RiskPayload,
  RiskQueries,
  async (read, data: { riskId: string }) => ({
    risk: await read.byId(data.riskId),
  }),
);

export const RisksMutations = mutationsResolver('RisksMutations', [
  risk('CloseRisk', 'Close a risk, with the reason; a closed risk takes no further change.'),
  risk(
    'IdentifyRisk',
    'Put a risk on the register: category, likelihood and impact (1-5), owner.',
    (input, envelope) => {
      const riskId = input.riskId ?? deriveEntityId(envelope.commandId, 'risk');
      const { initiativeId, title, description, category, likelihood, impact, ownerPartnerId } =
        input;
      return {
        riskId,
        initiativeId,
        title,
        description,
        category,
        likelihood,
        impact,
        ownerPartnerId,
      };
    },
  ),
  risk('MaterialiseRisk', 'Record that a risk happened, and what happened.'),
  risk(
    'PlanMitigation',
    'Plan how to mitigate a risk, linked to commitments of the same initiative.',
    (input, envelope) => {
      const mitigationId = input.mitigationId ?? deriveEntityId(envelope.commandId, 'mitigation');
      const { riskId, description, commitmentIds } = input;
      return { riskId, mitigationId, description, commitmentIds };
    },
  ),
  risk(
    'ReassessRisk',
    'Reassess a risk: new likelihood and impact, with the reason; the earlier assessments stay in its history.',
  ),
  risk(
    'ShareRiskOwnership',
    'Share the ownership of a risk among member partners; shares add to exactly 100 %.',
    (input) => {
      const shares = input.shares.map(({ partnerId, percent }) => ({ partnerId, percent }));
      return {
        riskId: input.riskId,
        shares,
      };
    },
  ),
]);
