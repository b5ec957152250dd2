import type { PasswordWeakness, Refusal } from '@chaping/domain';

/**
 * Errors the application raises on purpose. They carry a stable code; the one global filter
 * turns each into the one error body. Business code never throws HTTP exceptions.
 */
export class RefusedError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

export class VersionConflictError extends Error {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | null,
  ) {
    super('case.version_conflict');
  }
}

export type NotFoundCode =
  | 'case.not_found'
  | 'user.not_found'
  | 'shop.not_found'
  | 'care_task.not_found'
  | 'import.not_found'
  | 'script.not_found'
  | 'action_item.not_found'
  | 'api_key.not_found'
  | 'alert_robot.not_found'
  | 'connection.not_found'
  | 'campaign.not_found'
  | 'promotion.not_found';

export class NotFoundError extends Error {
  constructor(
    readonly code: NotFoundCode,
    readonly id: string,
  ) {
    super(code);
  }
}

export type UnprocessableCode =
  | 'import.unknown_format'
  | 'import.unrecognised_payload'
  | 'import.unreadable_file'
  | 'import.missing_columns'
  | 'import.file_required'
  | 'import.batch_too_large'
  | 'import.shop_platform_mismatch'
  | 'idempotency.key_reused'
  | 'policy.legal_line'
  | 'connection.platform_unsupported'
  | 'connection.sign_method_unsupported'
  | 'connection.app_key_invalid'
  | 'connection.no_key'
  | 'connection.revoked';

/** The request is well-formed but cannot be used as it is (422); `details` says what to fix. */
export class UnprocessableError extends Error {
  constructor(
    readonly code: UnprocessableCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

export class ForbiddenShopError extends Error {
  constructor(readonly shopId: string) {
    super('auth.shop_forbidden');
  }
}

export type UnauthenticatedReason =
  'missing_actor' | 'unknown_actor' | 'invalid_api_key' | 'bad_credentials' | 'session_expired' | 'account_disabled';

export class UnauthenticatedError extends Error {
  constructor(readonly reason: UnauthenticatedReason) {
    super(reason);
  }
}

/**
 * Too many failed sign-ins: for this account (throttled: from this address, or from many) or from
 * this address for any account (rate limited). See login-throttle.ts.
 */
export class TooManyAttemptsError extends Error {
  constructor(
    readonly reason: 'throttled' | 'rate_limited',
    readonly retryAfterSeconds: number,
  ) {
    super(reason);
  }
}

export class WeakPasswordError extends Error {
  constructor(readonly reason: PasswordWeakness | 'wrong_current_password') {
    super(reason);
  }
}

/** The request conflicts with what exists (409), e.g. a username already taken. */
export class RequestedConflictError extends Error {
  constructor(
    readonly code:
      | 'user.username_taken'
      | 'user.cannot_disable_self'
      | 'script.version_taken'
      | 'action_item.version_conflict'
      | 'triage_model.version_not_found'
      | 'triage_model.already_active'
      | 'promotion.version_conflict'
      | 'quiz.version_conflict'
      | 'quiz.already_published',
  ) {
    super(code);
  }
}

/** An uploaded file over the size limit (413); `maxMegabytes` says how large one may be. */
export class FileTooLargeError extends Error {
  constructor(readonly maxMegabytes: number) {
    super('import.file_too_large');
  }
}

export type ImportLimitCode =
  | 'import.file_too_large_expanded'
  | 'import.too_many_rows'
  | 'import.too_many_columns'
  | 'import.too_many_strings'
  | 'import.cell_too_long';

/**
 * An uploaded file over one of the import limits once unpacked or read (413 at upload, else the
 * reason its job failed); `details` states the limit (see ImportLimits).
 */
export class ImportLimitError extends Error {
  constructor(
    readonly code: ImportLimitCode,
    readonly details: Record<string, number>,
  ) {
    super(code);
  }
}

export type UnavailableCode = 'export.pdf_font_missing';

/** Something the server needs is missing (503); the message says what to install. */
export class UnavailableError extends Error {
  constructor(readonly code: UnavailableCode) {
    super(code);
  }
}

export type RejectedRequestCode =
  | 'body.too_deep'
  | 'request.bad_url'
  | 'request.param_too_long'
  | 'request.headers_too_large'
  | 'request.timeout'
  | 'request.bad_multipart'
  | 'request.client_error';

/**
 * A request refused at the HTTP edge, before any route runs (bad URL, headers, body framing or
 * time); `details` names the limit that was crossed.
 */
export class RejectedRequestError extends Error {
  constructor(
    readonly statusCode: 400 | 408 | 414 | 431,
    readonly code: RejectedRequestCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
  }
}
