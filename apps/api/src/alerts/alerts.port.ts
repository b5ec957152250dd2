/** A connector (marketplace pull or publish) that failed, in words a person can act on. */
export interface ConnectorFailure {
  shopId: string;
  /** What went wrong, already in words (never a credential, never a buyer's personal data). */
  message: string;
}

/**
 * What other modules may tell the alerts module. Inject it by this class; `AlertsModule` (global)
 * provides it. Calls queue an alert in the PostgreSQL outbox and return; delivery, batching and
 * retries happen later, so a caller never waits on a chat robot.
 */
export abstract class AlertsPort {
  abstract connectorFailed(failure: ConnectorFailure): Promise<void>;
}
