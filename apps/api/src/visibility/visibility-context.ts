import type { Viewer } from './viewer';

/** A value withheld from this reader, reported in the response's `extensions.redacted`. */
export interface Redaction {
  path: (string | number)[];
  field: string;
  initiativeId: string;
  reason: string;
  /** For event data: the keys of `data` set to null. */
  keys?: string[];
}

/** What one request or subscription carries for visibility: its reader, and what it withheld. */
export interface VisibilityContext {
  viewer?: Viewer;
  redactions?: Redaction[];
}
