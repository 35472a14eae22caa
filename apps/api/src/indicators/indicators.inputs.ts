import { InputType } from '@nestjs/graphql';
import { chosenId, commandInput, entityCommandInput } from '../graphql/command-input';
import {
  decimal,
  entityId,
  inputOf,
  line,
  measuredDay,
  member,
  nested,
  prose,
} from '../graphql/input-type';
import { IndicatorDirection } from './indicator.model';

const DECIMAL = 'Decimal as a string, e.g. "-3.5" or "72.25".';

@InputType()
export class CorrectMeasurementInput extends entityCommandInput({
  indicatorId: entityId(),
  measurementId: entityId('The measurement this corrects; its original value stays.'),
  value: decimal('The corrected value, a decimal string.'),
  reason: prose(5_000, 'Why the value was wrong.'),
}) {}

@InputType()
export class DatedValueInput extends inputOf({ value: decimal(DECIMAL), date: measuredDay() }) {}

@InputType()
export class DataStewardInput extends inputOf({
  personId: entityId(),
  partnerId: entityId('A member partner of the initiative.'),
}) {}

@InputType()
export class DefineIndicatorInput extends commandInput({
  indicatorId: chosenId('indicator'),
  initiativeId: entityId(),
  name: line(500),
  unit: line(200, 'What a value counts, e.g. "percent of third graders".'),
  direction: member(IndicatorDirection),
  baseline: nested(DatedValueInput),
  target: nested(
    DatedValueInput,
    'After the baseline date, and better than the baseline in the direction given.',
  ),
  dataSteward: nested(DataStewardInput),
}) {}

@InputType()
export class RecordMeasurementInput extends entityCommandInput({
  indicatorId: entityId(),
  measurementId: chosenId('measurement'),
  value: decimal(DECIMAL),
  periodStart: measuredDay(),
  periodEnd: measuredDay('On or after periodStart.'),
  sourcePartnerId: entityId('The member partner the data comes from.'),
  method: prose(2_000, 'How the value was measured.'),
}) {}
