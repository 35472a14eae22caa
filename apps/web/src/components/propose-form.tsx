import { useState } from 'preact/hooks';
import { useHref } from '../context';
import { words } from '../format';
import { request } from '../graphql/client';
import { type DecisionMethod, ProposeDecisionDocument } from '../graphql/generated';
import { navigate, pathOf } from '../router';
import { Field, FormError, useCommand } from './command';

const METHODS: DecisionMethod[] = ['SIMPLE_MAJORITY', 'SUPERMAJORITY', 'CONSENSUS', 'CONSENT'];

/** Put a motion to the voting members; on success, the new decision's page opens. */
export function ProposeDecisionForm({ initiativeId }: { initiativeId: string }) {
  const href = useHref();
  const command = useCommand(['title', 'motion', 'rationale', 'method', 'reviewDate']);
  const [title, setTitle] = useState('');
  const [motion, setMotion] = useState('');
  const [rationale, setRationale] = useState('');
  const [method, setMethod] = useState<DecisionMethod | ''>('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run((commandId) =>
      request(ProposeDecisionDocument, {
        input: {
          commandId,
          initiativeId,
          title: title.trim(),
          motion: motion.trim(),
          rationale: rationale.trim(),
          ...(method ? { method } : {}),
        },
      }),
    );
    const decisionId = answer?.proposeDecision.decision?.decisionId;
    if (decisionId) navigate(href(pathOf('initiatives', initiativeId, 'decisions', decisionId)));
  };
  const methodError = command.fieldError('method');
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="propose-heading" noValidate>
      <h2 id="propose-heading">Propose a decision</h2>
      <Field
        id="propose-title"
        label="Title"
        value={title}
        onInput={setTitle}
        error={command.fieldError('title')}
      />
      <Field
        id="propose-motion"
        label="Motion"
        hint="What the voting members are asked to agree to."
        value={motion}
        onInput={setMotion}
        error={command.fieldError('motion')}
        multiline
      />
      <Field
        id="propose-rationale"
        label="Rationale"
        value={rationale}
        onInput={setRationale}
        error={command.fieldError('rationale')}
        multiline
      />
      <div class="field">
        <label for="propose-method">How it is decided</label>
        <select
          id="propose-method"
          value={method}
          aria-describedby={methodError ? 'propose-method-error' : undefined}
          onChange={(event) =>
            setMethod((event.target as HTMLSelectElement).value as DecisionMethod)
          }
        >
          <option value="">The initiative's usual method</option>
          {METHODS.map((value) => (
            <option key={value} value={value}>
              {words(value)}
            </option>
          ))}
        </select>
        {methodError && (
          <span id="propose-method-error" class="field-error">
            {methodError}
          </span>
        )}
      </div>
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Proposing…' : 'Propose'}
      </button>
    </form>
  );
}
