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
 * from it), a team lead every case of the shops they lead, an admin every case. Working the shop
 * now is required of agents too — access ends when the role ends, even on a case still assigned
 * to them (it goes back to the pool when they leave; see RETURNED_TO_POOL_REASON).
 */
export function canWorkCase(viewer: Viewer, owned: CaseOwnership): boolean {
  switch (viewer.role) {
    case 'admin':
      return true;
    case 'lead':
      return viewer.shopIds.includes(owned.shopId);
    case 'agent':
      return viewer.shopIds.includes(owned.shopId) && (owned.assigneeId === viewer.id || owned.assigneeId === null);
  }
}

/**
 * The reason recorded when an agent's open cases go back to their shop's pool because the agent
 * no longer works the shop (taken off it, or the account disabled). Shown in the case history.
 */
export const RETURNED_TO_POOL_REASON = '客服已不再负责该店铺，工单退回店铺公共池 (agent no longer works this shop)';

export function guardCaseAccess(viewer: Viewer, owned: CaseOwnership): Refusal | null {
  return canWorkCase(viewer, owned) ? null : refusal('access.case_forbidden');
}

/** An account whose shift is changed, with the shops it works. */
export interface ShiftTarget {
  readonly id: string;
  readonly role: Role;
  readonly shopIds: readonly string[];
}

/**
 * Who may put an agent on or off shift (assignment gives new cases only to agents on shift): the
 * agent, a lead of one of the agent's shops, an admin. Leads and admins have no shift, since
 * assignment never gives them cases.
 */
export function shiftChangeRefusal(viewer: Viewer, target: ShiftTarget): Refusal | null {
  if (target.role !== 'agent') return refusal('shift.agents_only');
  if (viewer.id === target.id || viewer.role === 'admin') return null;
  if (viewer.role === 'lead' && target.shopIds.some((shopId) => viewer.shopIds.includes(shopId))) return null;
  return refusal('shift.not_your_agent');
}
