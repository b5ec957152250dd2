import type { Refusal } from '@chaping/domain';

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

export type NotFoundCode = 'case.not_found' | 'user.not_found';

export class NotFoundError extends Error {
  constructor(
    readonly code: NotFoundCode,
    readonly id: string,
  ) {
    super(code);
  }
}

export class UnauthenticatedError extends Error {
  constructor(readonly reason: 'missing_actor' | 'unknown_actor') {
    super(reason);
  }
}
