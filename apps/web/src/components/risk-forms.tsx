import { words } from '../format';
import {
  IdentifyRiskDocument,
  ReassessRiskDocument,
  type RiskCategory,
} from '../graphql/generated';
import { CommandForm, type InputField } from './command-form';

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

/** The two scores of a risk, from 1 to 5, kept for the next one. */
function scores(form: string, likelihood = '3', impact = '3'): InputField[] {
  return [
    {
      name: 'likelihood',
      id: `${form}-likelihood`,
      label: 'Likelihood (1 rare to 5 almost certain)',
      kind: 'select',
      options: SCALE,
      initial: likelihood,
      keep: true,
    },
    {
      name: 'impact',
      id: `${form}-impact`,
      label: 'Impact (1 minor to 5 severe)',
      kind: 'select',
      options: SCALE,
      initial: impact,
      keep: true,
    },
  ];
}

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
  return (
    <CommandForm
      id="identify"
      heading="Identify a risk"
      fields={[
        { name: 'title', id: 'identify-title', label: 'Risk' },
        {
          name: 'description',
          id: 'identify-description',
          label: 'What could happen',
          kind: 'multiline',
        },
        {
          name: 'category',
          id: 'identify-category',
          label: 'Category',
          kind: 'select',
          options: CATEGORIES.map((value) => ({ value, label: words(value) })),
          keep: true,
        },
        ...scores('identify'),
        {
          name: 'ownerPartnerId',
          id: 'identify-owner',
          label: 'Owned by',
          kind: 'select',
          options: partners.map((p) => ({ value: p.partnerId, label: p.organisationName })),
          keep: true,
        },
      ]}
      document={IdentifyRiskDocument}
      input={(v) => ({
        initiativeId,
        title: v.text('title').trim(),
        description: v.text('description').trim(),
        category: v.text('category') as RiskCategory,
        likelihood: Number(v.text('likelihood')),
        impact: Number(v.text('impact')),
        ownerPartnerId: v.text('ownerPartnerId'),
      })}
      submit="Identify the risk"
      onRecorded={onRecorded}
    />
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
  const first = risks[0];
  const riskOf = (v: { text(name: string): string }) =>
    risks.find((r) => r.riskId === v.text('riskId'));
  return (
    <CommandForm
      id="reassess"
      heading="Reassess a risk"
      revision={(v) => riskOf(v)?.revision}
      stale="risk"
      staleDetail={(v) => {
        const risk = riskOf(v);
        return (
          risk && (
            <p>
              It is now scored likelihood {risk.likelihood} × impact {risk.impact}.
            </p>
          )
        );
      }}
      onStale={onRecorded}
      fields={[
        {
          name: 'riskId',
          id: 'reassess-risk',
          label: 'Risk',
          kind: 'select',
          options: risks.map((r) => ({ value: r.riskId, label: r.title })),
          keep: true,
          // A risk chosen shows its scores as they are, to change from there.
          sets: (riskId): Record<string, string> => {
            const chosen = risks.find((r) => r.riskId === riskId);
            return chosen
              ? { likelihood: String(chosen.likelihood), impact: String(chosen.impact) }
              : {};
          },
        },
        ...scores('reassess', String(first?.likelihood ?? 3), String(first?.impact ?? 3)),
        {
          name: 'reason',
          id: 'reassess-reason',
          label: 'Why the score changes',
          kind: 'multiline',
        },
      ]}
      check={(v) => ({ riskId: riskOf(v) ? null : 'Choose a risk.' })}
      document={ReassessRiskDocument}
      input={(v) => ({
        riskId: v.text('riskId'),
        likelihood: Number(v.text('likelihood')),
        impact: Number(v.text('impact')),
        reason: v.text('reason').trim(),
      })}
      submit="Reassess"
      onRecorded={onRecorded}
    />
  );
}
