import { useHref } from '../context';
import { words } from '../format';
import { type DecisionMethod, ProposeDecisionDocument } from '../graphql/generated';
import { navigate, pathOf } from '../router';
import { CommandForm } from './command-form';

const METHODS: DecisionMethod[] = ['SIMPLE_MAJORITY', 'SUPERMAJORITY', 'CONSENSUS', 'CONSENT'];

/** Put a motion to the voting members; on success, the new decision's page opens. */
export function ProposeDecisionForm({ initiativeId }: { initiativeId: string }) {
  const href = useHref();
  return (
    <CommandForm
      id="propose"
      heading="Propose a decision"
      fields={[
        { name: 'title', id: 'propose-title', label: 'Title' },
        {
          name: 'motion',
          id: 'propose-motion',
          label: 'Motion',
          hint: 'What the voting members are asked to agree to.',
          kind: 'multiline',
        },
        { name: 'rationale', id: 'propose-rationale', label: 'Rationale', kind: 'multiline' },
        {
          name: 'method',
          id: 'propose-method',
          label: 'How it is decided',
          kind: 'select',
          options: [
            { value: '', label: "The initiative's usual method" },
            ...METHODS.map((value) => ({ value, label: words(value) })),
          ],
        },
      ]}
      document={ProposeDecisionDocument}
      input={(v) => ({
        initiativeId,
        title: v.text('title').trim(),
        motion: v.text('motion').trim(),
        rationale: v.text('rationale').trim(),
        ...(v.text('method') ? { method: v.text('method') as DecisionMethod } : {}),
      })}
      submit="Propose"
      sending="Proposing…"
      onRecorded={(answer) => {
        const decisionId = answer.proposeDecision.decision?.decisionId;
        if (decisionId)
          navigate(href(pathOf('initiatives', initiativeId, 'decisions', decisionId)));
      }}
    />
  );
}
