import { indicatorDecider, type IndicatorState } from '@accord/domain';
import { inInitiativeOf, inNamedInitiative } from '../auth/subject';
import { commandsOf } from '../ledger/command-table';
import { indicatorStream } from '../ledger/streams';

const indicator = commandsOf(indicatorDecider, (data: { indicatorId: string }) =>
  indicatorStream(data.indicatorId),
);
/** The indicator's data steward records its measurements. */
const ofItsSteward = {
  subject: (state: IndicatorState) => inInitiativeOf(state, (i) => i.stewardPartnerId),
};

export const INDICATOR_COMMANDS = [
  indicator('DefineIndicator', inNamedInitiative),
  indicator('RecordMeasurement', {
    ...ofItsSteward,
    // The source partner is judged against the indicator's own initiative.
    needs: async (streams, _, state) => ({ initiative: await streams.initiativeOf(state) }),
  }),
  indicator('CorrectMeasurement', ofItsSteward),
];
