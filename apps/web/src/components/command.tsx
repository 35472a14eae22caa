import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { GraphqlRequestError } from '../graphql/client';

export interface Command {
  /**
   * Made once per form and kept until the command is recorded: a double click or a retry after
   * a lost or refused answer writes once.
   */
  commandId: string;
  sending: boolean;
  failure: Error | null;
  /** The last try was refused because the entity changed since the form's revision. */
  stale: boolean;
  /** The server's message for one field, if it named that field. */
  fieldError(name: string): string | undefined;
  /** A failure no field explains, in words (a stale edit has its own notice). */
  general: string | null;
  /** Sends once at a time; the result, or undefined when refused (the failure is kept). */
  run<T>(send: (commandId: string) => Promise<T>, onStale?: () => void): Promise<T | undefined>;
}

/** The state of one form that sends one command: sending, field errors, a stale edit. */
export function useCommand(fields: readonly string[] = []): Command {
  const [commandId, setCommandId] = useState(() => crypto.randomUUID());
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<Error | null>(null);
  const graphql = failure instanceof GraphqlRequestError ? failure : null;
  const stale = graphql?.stale ?? false;
  const fieldError = (name: string) => graphql?.fieldMessage(name);
  const explained = stale || fields.some((name) => fieldError(name));
  return {
    commandId,
    sending,
    failure,
    stale,
    fieldError,
    general: failure && !explained ? sentence(failure.message) : null,
    async run(send, onStale) {
      if (sending) return undefined;
      setSending(true);
      setFailure(null);
      try {
        const answer = await send(commandId);
        // Recorded: what the form sends next is another command.
        setCommandId(crypto.randomUUID());
        return answer;
      } catch (error) {
        const refused = error instanceof Error ? error : new Error(String(error));
        setFailure(refused);
        if (refused instanceof GraphqlRequestError && refused.stale) onStale?.();
        return undefined;
      } finally {
        setSending(false);
      }
    },
  };
}

/** The server's message as a sentence: a capital first and a full stop at the end. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * "This changed since you opened it": shown when an edit was made on a revision that is no
 * longer the latest. The screen has been reloaded above, so the reader sees the new state and
 * can send again on it; nothing was overwritten.
 */
export function StaleNotice({ what, children }: { what: string; children?: ComponentChildren }) {
  return (
    <div class="form-error" role="alert">
      <p>
        <strong>This {what} changed since you opened it.</strong> Someone else recorded something
        meanwhile, so nothing of yours was saved. The page now shows it as it is.
      </p>
      {children}
      <p>Check it, then send again if you still want to.</p>
    </div>
  );
}

/** A labelled text input or text area with its hint and the server's message for it. */
export function Field({
  id,
  label,
  value,
  onInput,
  error,
  hint,
  multiline,
  type = 'text',
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  hint?: string;
  multiline?: boolean;
  type?: 'text' | 'date';
  inputMode?: 'numeric' | 'decimal' | 'text';
}) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  const common = {
    id,
    value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': described.length ? described.join(' ') : undefined,
    onInput: (event: Event) => onInput((event.target as HTMLInputElement).value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {multiline ? (
        <textarea rows={3} {...common} />
      ) : type === 'date' ? (
        <input type="date" {...common} />
      ) : (
        <input type="text" inputMode={inputMode} {...common} />
      )}
      {hint && (
        <span id={`${id}-hint`} class="muted">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A message for a failure no field explains. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p class="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
