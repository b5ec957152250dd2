import { refusal, type Refusal } from '../refusals/refusal';
import type { Role } from '../shared/vocabulary';

/** Who is asking, with the shops they work (an integration's key works one shop). */
export interface Viewer {
  readonly id: string;
  readonly role: Role;
  readonly shopIds: readonly string[];
}

export interface CaseOwnership {
  readonly shopId: string;
  readonly assigneeId: string | null;
}

/**
 * Who may see and work a case: an agent their own cases and their shops' pool (to take a case
 * from it), a team lead every case of the shops they lead, an admin every case.
 */
export function canWorkCase(viewer: Viewer, owned: CaseOwnership): boolean {
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'lead':
      return viewer.shopIds.includes(owned.shopId);
    case 'agent':
      return owned.assigneeId === viewer.id || (owned.assigneeId === null && viewer.shopIds.includes(owned.shopId));
  }
}

export function guardCaseAccess(viewer: Viewer, owned: CaseOwnership): Refusal | null {
  return canWorkCase(viewer, owned) ? null : refusal('access.case_forbidden');
}
