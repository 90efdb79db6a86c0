import { t, type MessageKey } from '../i18n';

// Errors the complaint services raise on bad input, each with a message the user can act on. The
// UI shows `complaintErrorMessage(err)`; nothing stored is changed when one is thrown.

export type ComplaintErrorCode =
  | 'empty'
  | 'not-found'
  | 'bad-transition'
  | 'no-resolution'
  | 'not-json'
  | 'not-ours'
  | 'newer-format'
  | 'bad-field';

const MESSAGES: Record<ComplaintErrorCode, MessageKey> = {
  empty: 'complaintErrorEmpty',
  'not-found': 'complaintErrorNotFound',
  'bad-transition': 'complaintErrorTransition',
  'no-resolution': 'complaintErrorNoResolution',
  'not-json': 'complaintErrorNotJson',
  'not-ours': 'complaintErrorNotOurs',
  'newer-format': 'complaintErrorNewerFormat',
  'bad-field': 'complaintErrorBadField',
};

export class ComplaintError extends Error {
  constructor(
    readonly code: ComplaintErrorCode,
    /** Substituted into the message as $1 (a status, a field name…). */
    readonly detail = '',
  ) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.name = 'ComplaintError';
  }
}

export function complaintErrorMessage(err: unknown): string {
  if (err instanceof ComplaintError) return t(MESSAGES[err.code], err.detail);
  return t('errorGeneric', err instanceof Error ? err.message : String(err));
}
