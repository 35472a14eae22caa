import type { ComponentChildren } from 'preact';
import type { QueryState } from '../data';
import { GraphqlRequestError } from '../graphql/client';

/** Loading, error or the data: the same three states on every screen. */
export function QueryView<Result>({
  state,
  children,
}: {
  state: QueryState<Result>;
  children: (data: Result) => ComponentChildren;
}) {
  if (state.error) {
    const notYet =
      state.error instanceof GraphqlRequestError && state.error.code === 'NOT_FOUND'
        ? ' At the time you chose, it may not have existed yet.'
        : '';
    return (
      <p class="form-error" role="alert">
        Could not load this page: {state.error.message}.{notYet}
      </p>
    );
  }
  if (!state.data) return <p role="status">Loading…</p>;
  return <>{children(state.data)}</>;
}

export function Status({ value }: { value: string }) {
  const text = value.toLowerCase().replaceAll('_', ' ');
  return <span class={`status ${text.replaceAll(' ', '-')}`}>{text}</span>;
}

/**
 * A table that may scroll sideways on a narrow screen: a named region that takes focus, so the
 * keyboard can scroll it too.
 */
export function TableWrap({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
