import { useState } from 'preact/hooks';
import { words } from '../format';
import { request } from '../graphql/client';
import {
  IdentifyRiskDocument,
  ReassessRiskDocument,
  type RiskCategory,
} from '../graphql/generated';
import { Field, FormError, StaleNotice, useCommand } from './command';
import { SelectField } from './select-field';

const CATEGORIES: readonly RiskCategory[] = [
  'OPERATIONAL',
  'FINANCIAL',
  'DATA',
  'LEGAL',
  'REPUTATIONAL',
  'COMMUNITY',
  'OTHER',
];
const SCALE = ['1', '2', '3', '4', '5'].map((value) => ({ value, label: value }));

type Partner = { partnerId: string; organisationName: string };

/** Put a risk on the register, with its owner and first assessment. */
export function IdentifyRiskForm({
  initiativeId,
  partners,
  onRecorded,
}: {
  initiativeId: string;
  partners: readonly Partner[];
  onRecorded: () => void;
}) {
  const command = useCommand([
    'title',
    'description',
    'category',
    'likelihood',
    'impact',
    'ownerPartnerId',
  ]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<string>('OPERATIONAL');
  const [likelihood, setLikelihood] = useState('3');
  const [impact, setImpact] = useState('3');
  const [owner, setOwner] = useState(partners[0]?.partnerId ?? '');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run((commandId) =>
      request(IdentifyRiskDocument, {
        input: {
          commandId,
          initiativeId,
          title: title.trim(),
          description: description.trim(),
          category: category as RiskCategory,
          likelihood: Number(likelihood),
          impact: Number(impact),
          ownerPartnerId: owner,
        },
      }),
    );
    if (answer) {
      setTitle('');
      setDescription('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="identify-heading" noValidate>
      <h2 id="identify-heading">Identify a risk</h2>
      <Field
        id="identify-title"
        label="Risk"
        value={title}
        onInput={setTitle}
        error={command.fieldError('title')}
      />
      <Field
        id="identify-description"
        label="What could happen"
        value={description}
        onInput={setDescription}
        error={command.fieldError('description')}
        multiline
      />
      <SelectField
        id="identify-category"
        label="Category"
        value={category}
        onChange={setCategory}
        options={CATEGORIES.map((value) => ({ value, label: words(value) }))}
        error={command.fieldError('category')}
      />
      <SelectField
        id="identify-likelihood"
        label="Likelihood (1 rare to 5 almost certain)"
        value={likelihood}
        onChange={setLikelihood}
        options={SCALE}
        error={command.fieldError('likelihood')}
      />
      <SelectField
        id="identify-impact"
        label="Impact (1 minor to 5 severe)"
        value={impact}
        onChange={setImpact}
        options={SCALE}
        error={command.fieldError('impact')}
      />
      <SelectField
        id="identify-owner"
        label="Owned by"
        value={owner}
        onChange={setOwner}
        options={partners.map((p) => ({ value: p.partnerId, label: p.organisationName }))}
        error={command.fieldError('ownerPartnerId')}
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Identify the risk'}
      </button>
    </form>
  );
}

/** Score a risk again, saying why, on the revision shown. */
export function ReassessRiskForm({
  risks,
  onRecorded,
}: {
  risks: readonly {
    riskId: string;
    title: string;
    likelihood: number;
    impact: number;
    revision: number;
  }[];
  onRecorded: () => void;
}) {
  const command = useCommand(['riskId', 'likelihood', 'impact', 'reason']);
  const [riskId, setRiskId] = useState(risks[0]?.riskId ?? '');
  const risk = risks.find((r) => r.riskId === riskId);
  const [likelihood, setLikelihood] = useState(String(risk?.likelihood ?? 3));
  const [impact, setImpact] = useState(String(risk?.impact ?? 3));
  const [reason, setReason] = useState('');
  const choose = (id: string) => {
    const chosen = risks.find((r) => r.riskId === id);
    setRiskId(id);
    if (chosen) {
      setLikelihood(String(chosen.likelihood));
      setImpact(String(chosen.impact));
    }
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!risk) return;
    const answer = await command.run(
      (commandId) =>
        request(ReassessRiskDocument, {
          input: {
            commandId,
            riskId,
            likelihood: Number(likelihood),
            impact: Number(impact),
            reason: reason.trim(),
            expectedRevision: risk.revision,
          },
        }),
      onRecorded,
    );
    if (answer) {
      setReason('');
      onRecorded();
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="reassess-heading" noValidate>
      <h2 id="reassess-heading">Reassess a risk</h2>
      {command.stale && (
        <StaleNotice what="risk">
          {risk && (
            <p>
              It is now scored likelihood {risk.likelihood} × impact {risk.impact}.
            </p>
          )}
        </StaleNotice>
      )}
      <SelectField
        id="reassess-risk"
        label="Risk"
        value={riskId}
        onChange={choose}
        options={risks.map((r) => ({ value: r.riskId, label: r.title }))}
        error={command.fieldError('riskId')}
      />
      <SelectField
        id="reassess-likelihood"
        label="Likelihood (1 rare to 5 almost certain)"
        value={likelihood}
        onChange={setLikelihood}
        options={SCALE}
        error={command.fieldError('likelihood')}
      />
      <SelectField
        id="reassess-impact"
        label="Impact (1 minor to 5 severe)"
        value={impact}
        onChange={setImpact}
        options={SCALE}
        error={command.fieldError('impact')}
      />
      <Field
        id="reassess-reason"
        label="Why the score changes"
        value={reason}
        onInput={setReason}
        error={command.fieldError('reason')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Reassess'}
      </button>
    </form>
  );
}
