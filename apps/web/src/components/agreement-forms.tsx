import { useState } from 'preact/hooks';
import { useHref } from '../context';
import { words } from '../format';
import { request } from '../graphql/client';
import {
  type AgreementKind,
  AmendAgreementDocument,
  DraftAgreementDocument,
  SignAgreementDocument,
} from '../graphql/generated';
import { navigate, pathOf } from '../router';
import { Field, FormError, StaleNotice, useCommand } from './command';
import { SelectField } from './select-field';

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
  const command = useCommand(['title', 'kind', 'parties', 'text', 'endDate']);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<string>('MOU');
  const [parties, setParties] = useState<string[]>([]);
  const [text, setText] = useState('');
  const [endDate, setEndDate] = useState('');
  const partiesError = command.fieldError('parties');
  const toggle = (partnerId: string, on: boolean) =>
    setParties((chosen) => (on ? [...chosen, partnerId] : chosen.filter((id) => id !== partnerId)));
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run((commandId) =>
      request(DraftAgreementDocument, {
        input: {
          commandId,
          initiativeId,
          title: title.trim(),
          kind: kind as AgreementKind,
          parties: partners.map((p) => p.partnerId).filter((id) => parties.includes(id)),
          text,
          ...(endDate ? { endDate } : {}),
        },
      }),
    );
    const agreementId = answer?.draftAgreement.agreement?.agreementId;
    if (agreementId) navigate(href(pathOf('initiatives', initiativeId, 'agreements', agreementId)));
  };
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="draft-heading" noValidate>
      <h2 id="draft-heading">Draft an agreement</h2>
      <Field
        id="draft-title"
        label="Title"
        value={title}
        onInput={setTitle}
        error={command.fieldError('title')}
      />
      <SelectField
        id="draft-kind"
        label="Kind"
        value={kind}
        onChange={setKind}
        options={KINDS.map((value) => ({ value, label: words(value) }))}
        error={command.fieldError('kind')}
      />
      <fieldset class="field" aria-describedby={partiesError ? 'draft-parties-error' : undefined}>
        <legend>Parties</legend>
        {partners.map((p) => (
          <label key={p.partnerId} class="radio" style={{ fontWeight: 400 }}>
            <input
              type="checkbox"
              checked={parties.includes(p.partnerId)}
              onChange={(event) => toggle(p.partnerId, (event.target as HTMLInputElement).checked)}
            />{' '}
            {p.organisationName}
          </label>
        ))}
        {partiesError && (
          <span id="draft-parties-error" class="field-error">
            {partiesError}
          </span>
        )}
      </fieldset>
      <Field
        id="draft-text"
        label="Text"
        value={text}
        onInput={setText}
        error={command.fieldError('text')}
        multiline
      />
      <Field
        id="draft-end"
        label="Runs until (optional)"
        type="date"
        value={endDate}
        onInput={setEndDate}
        error={command.fieldError('endDate')}
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Draft the agreement'}
      </button>
    </form>
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
  const command = useCommand(['text', 'reason']);
  const [text, setText] = useState(currentText);
  const [reason, setReason] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run(
      (commandId) =>
        request(AmendAgreementDocument, {
          input: {
            commandId,
            agreementId: agreement.agreementId,
            expectedRevision: agreement.revision,
            text,
            reason: reason.trim(),
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
    <form onSubmit={(event) => void submit(event)} aria-labelledby="amend-heading" noValidate>
      <h2 id="amend-heading">Amend the text</h2>
      {command.stale && <StaleNotice what="agreement" />}
      <p>Every party signs the new version again.</p>
      <Field
        id="amend-text"
        label={`New text (replaces version ${agreement.currentVersion})`}
        value={text}
        onInput={setText}
        error={command.fieldError('text')}
        multiline
      />
      <Field
        id="amend-reason"
        label="Why it changes"
        value={reason}
        onInput={setReason}
        error={command.fieldError('reason')}
        multiline
      />
      <FormError message={command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Recording…' : 'Amend'}
      </button>
    </form>
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
  const command = useCommand(['version', 'partnerId']);
  const submit = async (event: Event) => {
    event.preventDefault();
    const answer = await command.run(
      (commandId) =>
        request(SignAgreementDocument, {
          input: {
            commandId,
            agreementId: agreement.agreementId,
            partnerId,
            version: agreement.currentVersion,
            expectedRevision: agreement.revision,
          },
        }),
      onRecorded,
    );
    if (answer) onRecorded();
  };
  const error = command.fieldError('version') ?? command.fieldError('partnerId');
  return (
    <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-heading" noValidate>
      <h2 id="sign-heading">Sign version {agreement.currentVersion}</h2>
      {command.stale && <StaleNotice what="agreement" />}
      <p>You sign for {partnerName}, as its signatory.</p>
      <FormError message={error ?? command.general} />
      <button type="submit" disabled={command.sending}>
        {command.sending ? 'Signing…' : `Sign for ${partnerName}`}
      </button>
    </form>
  );
}
