import * as inputs from './risks.inputs';
import { RiskQueries } from './queries/risk.queries';
import { RiskPayload } from './risk.model';
import { plainShares } from './partner-share';
import { entityMutationsOf, mutationsResolver } from '../graphql/mutation-table';

const risk = entityMutationsOf(inputs, RiskPayload, RiskQueries, 'risk');

export const RisksMutations = mutationsResolver('RisksMutations', [
  risk('CloseRisk', 'Close a risk, with the reason; a closed risk takes no further change.'),
  risk('IdentifyRisk', 'Put a risk on the register: category, likelihood and impact (1-5), owner.'),
  risk('MaterialiseRisk', 'Record that a risk happened, and what happened.'),
  risk(
    'PlanMitigation',
    'Plan how to mitigate a risk, linked to commitments of the same initiative.',
  ),
  risk(
    'ReassessRisk',
    'Reassess a risk: new likelihood and impact, with the reason; the earlier assessments stay in its history.',
  ),
  risk(
    'ShareRiskOwnership',
    'Share the ownership of a risk among member partners; shares add to exactly 100 %.',
    ({ shares }, _, own) => ({ ...own, shares: plainShares(shares) }),
  ),
]);
