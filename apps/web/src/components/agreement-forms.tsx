import { useHref } from '../context';
import { words } from '../format';
import {
  type AgreementKind,
  AmendAgreementDocument,
  DraftAgreementDocument,
  SignAgreementDocument,
} from '../graphql/generated';
import { navigate, pathOf } from '../router';
import { CommandForm } from './command-form';

const KINDS: readonly AgreementKind[] = ['MOU', 'CHARTER', 'DATA_SHARING', 'FUNDING'];

/** Draft an agreement between member partners: version 1 of its text, awaiting signatures. */
export function DraftAgreementForm({
  initiativeId,
  partners,
}: {
  initiativeId: string;
  partners: readonly { partnerId: string; organisationName: string }[];
}) {
  const href = useHref();
  return (
    <CommandForm
      id="draft"
      heading="Draft an agreement"
      fields={[
        { name: 'title', id: 'draft-title', label: 'Title' },
        {
          name: 'kind',
          id: 'draft-kind',
          label: 'Kind',
          kind: 'select',
          options: KINDS.map((value) => ({ value, label: words(value) })),
        },
        {
          name: 'parties',
          id: 'draft-parties',
          label: 'Parties',
          kind: 'checks',
          options: partners.map((p) => ({ value: p.partnerId, label: p.organisationName })),
        },
        { name: 'text', id: 'draft-text', label: 'Text', kind: 'multiline' },
        { name: 'endDate', id: 'draft-end', label: 'Runs until (optional)', kind: 'date' },
      ]}
      document={DraftAgreementDocument}
      input={(v) => ({
        initiativeId,
        title: v.text('title').trim(),
        kind: v.text('kind') as AgreementKind,
        parties: v.ticked('parties'),
        text: v.text('text'),
        ...(v.text('endDate') ? { endDate: v.text('endDate') } : {}),
      })}
      submit="Draft the agreement"
      onRecorded={(answer) => {
        const agreementId = answer.draftAgreement.agreement?.agreementId;
        if (agreementId)
          navigate(href(pathOf('initiatives', initiativeId, 'agreements', agreementId)));
      }}
    />
  );
}

interface Shown {
  agreementId: string;
  revision: number;
  currentVersion: number;
}

/** Amend the text on the version shown: a new version, which every party signs again. */
export function AmendAgreementForm({
  agreement,
  currentText,
  onRecorded,
}: {
  agreement: Shown;
  currentText: string;
  onRecorded: () => void;
}) {
  return (
    <CommandForm
      id="amend"
      heading="Amend the text"
      revision={agreement.revision}
      stale="agreement"
      onStale={onRecorded}
      intro={<p>Every party signs the new version again.</p>}
      fields={[
        {
          name: 'text',
          id: 'amend-text',
          label: `New text (replaces version ${agreement.currentVersion})`,
          kind: 'multiline',
          initial: currentText,
          keep: true,
        },
        { name: 'reason', id: 'amend-reason', label: 'Why it changes', kind: 'multiline' },
      ]}
      document={AmendAgreementDocument}
      input={(v) => ({
        agreementId: agreement.agreementId,
        text: v.text('text'),
        reason: v.text('reason').trim(),
      })}
      submit="Amend"
      onRecorded={onRecorded}
    />
  );
}

/** A signatory signs the version shown for their partner. */
export function SignAgreementForm({
  agreement,
  partnerId,
  partnerName,
  onRecorded,
}: {
  agreement: Shown;
  partnerId: string;
  partnerName: string;
  onRecorded: () => void;
}) {
  return (
    <CommandForm
      id="sign"
      heading={`Sign version ${agreement.currentVersion}`}
      revision={agreement.revision}
      stale="agreement"
      onStale={onRecorded}
      intro={<p>You sign for {partnerName}, as its signatory.</p>}
      formFields={['version', 'partnerId']}
      document={SignAgreementDocument}
      input={() => ({
        agreementId: agreement.agreementId,
        partnerId,
        version: agreement.currentVersion,
      })}
      submit={`Sign for ${partnerName}`}
      sending="Signing…"
      onRecorded={onRecorded}
    />
  );
}
