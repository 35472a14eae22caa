import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { request } from '../graphql/client';
import { Field, FormError, StaleNotice, useCommand } from './command';
import { SelectField } from './select-field';

export interface Option {
  value: string;
  label: string;
}

/** What the reader entered, as the form's own input builds its command from it. */
export interface Entered {
  /** A text, date or select field's value, as typed or chosen. */
  text(name: string): string;
  /** The options ticked in a checks field, in the order they are offered. */
  ticked(name: string): string[];
}

/** One input of a command form, as data. */
export type InputField = {
  /**
   * The command's field it fills: the key of what was entered, and the name the server gives
   * its errors under (shown beside the input).
   */
  name: string;
  /** The element's id: the label's `for`, and `<id>-error` for its message. */
  id: string;
  label: string;
  hint?: string;
  /**
   * Its value when the form opens (a select's first option if none), and again once a command
   * is recorded unless `keep`.
   */
  initial?: string;
  /** Left as it is once a command is recorded (the next one likely uses it again). */
  keep?: boolean;
  /** Other names the server may give this input's errors under. */
  alias?: readonly string[];
} & (
  | { kind?: 'text'; inputMode?: 'numeric' | 'decimal' }
  | { kind: 'multiline' }
  | { kind: 'date' }
  | {
      kind: 'select';
      options: readonly Option[];
      /** Other inputs set anew when this one is chosen (their values for that choice). */
      sets?: (value: string) => Record<string, string>;
    }
  | { kind: 'checks'; options: readonly Option[] }
);

/** Something the form shows between its inputs, made from what was entered so far. */
export interface Shown {
  show: (entered: Entered) => ComponentChildren;
}

export type FormField = InputField | Shown;

type Values = Record<string, string | readonly string[]>;

export interface CommandFormProps<Result, Input> {
  /** The heading's id is `<id>-heading`; it names the form. */
  id: string;
  heading: ComponentChildren;
  /** h2 on a screen of its own, h3 inside a card. */
  level?: 2 | 3;
  /** Paragraphs under the heading. */
  intro?: ComponentChildren;
  fields?: readonly FormField[];
  /** The mutation; its variables are `{ input }`. */
  document: DocumentTypeDecoration<Result, { input: Input }> & { toString(): string };
  /** The command's input from what was entered, without commandId and expectedRevision. */
  input: (entered: Entered) => NoInfer<Omit<Input, 'commandId' | 'expectedRevision'>>;
  /**
   * The revision of the entity on screen, sent as expectedRevision: an edit made on an older
   * revision is refused as stale and nothing is overwritten. None for a command that makes one.
   */
  revision?: number | ((entered: Entered) => number | undefined);
  /** What the stale-edit notice calls the entity: "This <stale> changed since you opened it". */
  stale?: string;
  /** The entity as it now is, under that notice. */
  staleDetail?: (entered: Entered) => ComponentChildren;
  /** Problems seen before sending, by field name (shown beside it); with any, nothing is sent. */
  check?: (entered: Entered) => Record<string, string | null>;
  /** Fields with no input here whose server errors are the form's message. */
  formFields?: readonly string[];
  /** The button's words, and while sending. */
  submit: string;
  sending?: string;
  secondary?: boolean;
  /** The id of what the button is described by. */
  describedBy?: string;
  onRecorded?: (answer: NoInfer<Result>) => void;
  /** The edit was stale: reload what the screen shows. */
  onStale?: () => void;
}

function isInput(field: FormField): field is InputField {
  return !('show' in field);
}

/** A select opens on its first option unless told otherwise. */
function firstOption(field: InputField): string | undefined {
  return field.kind === 'select' ? field.options[0]?.value : undefined;
}

function initialValues(fields: readonly FormField[], recorded?: Values): Values {
  const values: Values = {};
  for (const field of fields.filter(isInput)) {
    const kept = recorded && field.keep ? recorded[field.name] : undefined;
    const initial = field.kind === 'checks' ? [] : (field.initial ?? firstOption(field) ?? '');
    values[field.name] = kept ?? initial;
  }
  return values;
}

/**
 * A form that sends one command: its inputs as data, the mutation, and the revision shown.
 * One commandId per form, so a double click or a retry writes once; the server's field errors
 * beside their field; a stale edit says so and keeps what was typed.
 */
export function CommandForm<Result, Input>(props: CommandFormProps<Result, Input>) {
  const fields = props.fields ?? [];
  const inputs = fields.filter(isInput);
  const command = useCommand([
    ...inputs.flatMap((field) => [field.name, ...(field.alias ?? [])]),
    ...(props.formFields ?? []),
  ]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [problems, setProblems] = useState<Record<string, string | null>>({});
  const entered: Entered = {
    text: (name) => {
      const value = values[name];
      return typeof value === 'string' ? value : '';
    },
    ticked: (name) => {
      const field = inputs.find((f) => f.name === name);
      const chosen = values[name];
      if (field?.kind !== 'checks' || chosen === undefined || typeof chosen === 'string') return [];
      return field.options.map((o) => o.value).filter((value) => chosen.includes(value));
    },
  };
  const revision = typeof props.revision === 'function' ? props.revision(entered) : props.revision;
  const set = (name: string, value: string | readonly string[]) =>
    setValues((current) => ({ ...current, [name]: value }));
  const errorOf = (field: InputField) =>
    problems[field.name] ??
    [field.name, ...(field.alias ?? [])].map((name) => command.fieldError(name)).find(Boolean);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = props.check?.(entered) ?? {};
    setProblems(found);
    if (Object.values(found).some(Boolean)) return;
    const answer = await command.run(
      (commandId) =>
        request(props.document, {
          input: {
            ...props.input(entered),
            commandId,
            ...(revision !== undefined ? { expectedRevision: revision } : {}),
          } as Input,
        }),
      props.onStale,
    );
    if (answer === undefined) return;
    setValues((current) => initialValues(fields, current));
    props.onRecorded?.(answer);
  };

  const Heading = props.level === 3 ? 'h3' : 'h2';
  const formError =
    (props.formFields ?? []).map((name) => command.fieldError(name)).find(Boolean) ??
    command.general;
  return (
    <form
      onSubmit={(event) => void submit(event)}
      aria-labelledby={`${props.id}-heading`}
      noValidate
    >
      <Heading id={`${props.id}-heading`}>{props.heading}</Heading>
      {command.stale && props.stale && (
        <StaleNotice what={props.stale}>{props.staleDetail?.(entered)}</StaleNotice>
      )}
      {props.intro}
      {fields.map((field) =>
        isInput(field) ? (
          <InputOf
            key={field.id}
            field={field}
            value={values[field.name] ?? ''}
            set={(value) => {
              set(field.name, value);
              if (field.kind === 'select' && typeof value === 'string' && field.sets)
                setValues((current) => ({ ...current, ...field.sets?.(value) }));
            }}
            error={errorOf(field) ?? undefined}
          />
        ) : (
          field.show(entered)
        ),
      )}
      <FormError message={formError} />
      <button
        type="submit"
        class={props.secondary ? 'secondary' : undefined}
        disabled={command.sending}
        aria-describedby={props.describedBy}
      >
        {command.sending ? (props.sending ?? 'Recording…') : props.submit}
      </button>
    </form>
  );
}

function InputOf({
  field,
  value,
  set,
  error,
}: {
  field: InputField;
  value: string | readonly string[];
  set: (value: string | readonly string[]) => void;
  error: string | undefined;
}) {
  if (field.kind === 'checks') {
    const chosen = typeof value === 'string' ? [] : value;
    return (
      <fieldset class="field" aria-describedby={error ? `${field.id}-error` : undefined}>
        <legend>{field.label}</legend>
        {field.options.map((option) => (
          <label key={option.value} class="radio" style={{ fontWeight: 400 }}>
            <input
              type="checkbox"
              checked={chosen.includes(option.value)}
              onChange={(event) => {
                const on = (event.target as HTMLInputElement).checked;
                set(on ? [...chosen, option.value] : chosen.filter((v) => v !== option.value));
              }}
            />{' '}
            {option.label}
          </label>
        ))}
        {error && (
          <span id={`${field.id}-error`} class="field-error">
            {error}
          </span>
        )}
      </fieldset>
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (field.kind === 'select')
    return (
      <SelectField
        id={field.id}
        label={field.label}
        value={text}
        onChange={set}
        options={field.options}
        error={error}
      />
    );
  return (
    <Field
      id={field.id}
      label={field.label}
      value={text}
      onInput={set}
      error={error}
      hint={field.hint}
      multiline={field.kind === 'multiline'}
      type={field.kind === 'date' ? 'date' : 'text'}
      inputMode={field.kind === undefined || field.kind === 'text' ? field.inputMode : undefined}
    />
  );
}
