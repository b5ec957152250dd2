import { Inject, Injectable, Logger } from '@nestjs/common';

import {
  alertMessage,
  checkRobotWebhook,
  refusal,
  ROBOT_SIGNS_WITH_SECRET,
  type AlertFact,
  type AlertTrigger,
  type Locale,
  type RobotPlatform,
} from '@chaping/domain';

import type { SignedInActor } from '../common/actor/actor';
import { assertWorksShop } from '../common/actor/shop-access';
import { CLOCK, type Clock } from '../common/clock';
import { NotFoundError, RefusedError } from '../common/errors/app-errors';
import { SecretBox } from '../common/secret-box';
import { ALERTS_OPTIONS, type AlertsOptions } from './alerts.options';
import { AlertsPort, type ConnectorFailure } from './alerts.port';
import { AlertsRepository, type PendingAlert, type RobotRow } from './alerts.repository';
import { sendToRobot, type RobotAnswer } from './robot-client';

export interface RobotSettings {
  name: string;
  platform: RobotPlatform;
  /** Write-only: absent on a change keeps the stored one. */
  webhookUrl?: string;
  /** Write-only: absent keeps the stored one; an empty string removes it. */
  secret?: string;
  locale: Locale;
  triggers: AlertTrigger[];
  approvalWaitMinutes: number;
  firstContactLeadMinutes: number;
  enabled: boolean;
}

/** A robot as the API shows it: the webhook's host only, and whether a secret is set — never either value. */
export interface RobotView {
  id: string;
  shopId: string | null;
  name: string;
  platform: RobotPlatform;
  webhookHost: string;
  secretSet: boolean;
  locale: Locale;
  triggers: AlertTrigger[];
  approvalWaitMinutes: number;
  firstContactLeadMinutes: number;
  enabled: boolean;
  lastSentAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** Alerts waiting longer than this for one robot go in later messages (each message is capped in size anyway). */
const BATCH_LIMIT = 200;
/** At most one message per minute per group. */
export const ROBOT_SPACING_MS = 60_000;
const MAX_BACKOFF_MS = 30 * 60_000;

@Injectable()
export class AlertsService extends AlertsPort {
  private readonly logger = new Logger('Alerts');

  constructor(
    private readonly robots: AlertsRepository,
    private readonly box: SecretBox,
    @Inject(ALERTS_OPTIONS) private readonly options: AlertsOptions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async list(actor: SignedInActor): Promise<RobotView[]> {
    const rows = await this.robots.list(actor.role === 'admin' ? 'all' : [...actor.shopIds]);
    return rows.map(view);
  }

  async create(shopId: string | null, settings: RobotSettings, actor: SignedInActor): Promise<RobotView> {
    this.assertManages(actor, shopId);
    if (settings.webhookUrl === undefined) throw new RefusedError(refusal('alerts.webhook_invalid'));
    const sealed = this.sealed(settings, null);
    const id = await this.robots.insert({ ...this.columns(settings), ...sealed, shopId, createdBy: actor.id });
    return view(await this.found(id));
  }

  async change(id: string, settings: RobotSettings, actor: SignedInActor): Promise<RobotView> {
    const robot = await this.found(id);
    this.assertManages(actor, robot.shopId);
    await this.robots.update(id, { ...this.columns(settings), ...this.sealed(settings, robot) });
    return view(await this.found(id));
  }

  async remove(id: string, actor: SignedInActor): Promise<void> {
    const robot = await this.found(id);
    this.assertManages(actor, robot.shopId);
    await this.robots.remove(id);
  }

  /** Sends a test message now (not through the outbox) and records how it went. */
  async sendTest(id: string, actor: SignedInActor): Promise<RobotAnswer> {
    const robot = await this.found(id);
    this.assertManages(actor, robot.shopId);
    const now = this.clock.now();
    const answer = await this.deliver(robot, [{ kind: 'test', robotName: robot.name }], now);
    await this.robots.transaction((manager) =>
      this.robots.recordOutcome(
        manager,
        answer.ok
          ? { ok: true, robotId: id, at: now, nextSendAt: new Date(now.getTime() + ROBOT_SPACING_MS) }
          : { ok: false, robotId: id, at: now, nextSendAt: now, reason: answer.reason },
      ),
    );
    return answer;
  }

  async connectorFailed(failure: ConnectorFailure): Promise<void> {
    const now = this.clock.now();
    // One alert per shop and hour: a connector that keeps failing is said once an hour, not every pull.
    const hour = now.toISOString().slice(0, 13);
    await this.robots.queueForShop({
      shopId: failure.shopId,
      trigger: 'connector_failed',
      dedupeKey: `connector_failed:${failure.shopId}:${hour}`,
      fact: { kind: 'connector_failed', message: failure.message.slice(0, 300) },
      now,
    });
  }

  /** Queues what the periodic scans find (critical cases, first contacts due, approvals waiting). */
  scan(): Promise<void> {
    return this.robots.queueScanned(this.clock.now());
  }

  /**
   * Sends each robot that is due one message with everything waiting for it; returns how many
   * messages went out. A robot's row stays locked while its message is sent, so several
   * instances never send the same alerts; a failure keeps them queued and backs off.
   */
  async sendDue(): Promise<number> {
    let sent = 0;
    const seen = new Set<string>();
    for (;;) {
      const robotId = await this.robots.transaction(async (manager) => {
        const now = this.clock.now();
        const robot = await this.robots.lockDueRobot(manager, now);
        if (robot === null || seen.has(robot.id)) return null;
        const pending = await this.robots.pending(manager, robot.id, BATCH_LIMIT);
        const answer = await this.deliver(
          robot,
          pending.map((alert) => this.withLink(alert)),
          now,
        );
        if (answer.ok) {
          await this.robots.markSent(
            manager,
            pending.map((alert) => alert.id),
            now,
          );
          await this.robots.recordOutcome(manager, {
            ok: true,
            robotId: robot.id,
            at: now,
            nextSendAt: new Date(now.getTime() + ROBOT_SPACING_MS),
          });
          sent += 1;
        } else {
          const backoff = Math.min(MAX_BACKOFF_MS, 30_000 * 2 ** robot.failures);
          await this.robots.recordOutcome(manager, {
            ok: false,
            robotId: robot.id,
            at: now,
            nextSendAt: new Date(now.getTime() + backoff),
            reason: answer.reason,
          });
          this.logger.warn(`robot ${robot.id} (${robot.platform}): ${answer.reason}`);
        }
        return robot.id;
      });
      if (robotId === null) return sent;
      seen.add(robotId);
    }
  }

  private deliver(robot: RobotRow, facts: AlertFact[], now: Date): Promise<RobotAnswer> {
    return sendToRobot(
      {
        platform: robot.platform,
        webhookUrl: this.box.open(robot.webhookSealed),
        secret: robot.secretSealed === null ? null : this.box.open(robot.secretSealed),
      },
      alertMessage(facts, robot.locale),
      now,
      robot.locale,
    );
  }

  private withLink(alert: PendingAlert): AlertFact {
    const { caseId, ...fact } = alert.fact;
    if (fact.kind === 'critical_case' || fact.kind === 'first_contact_due' || fact.kind === 'approval_waiting') {
      return {
        ...fact,
        link: this.options.linkBaseUrl && caseId ? `${this.options.linkBaseUrl}/cases/${caseId}` : null,
      };
    }
    return fact;
  }

  /** Leads set up robots for their shops; a robot for every shop is the admin's. */
  private assertManages(actor: SignedInActor, shopId: string | null): void {
    if (shopId === null && actor.role !== 'admin') throw new RefusedError(refusal('role.admin_required'));
    assertWorksShop(actor, shopId);
  }

  private async found(id: string): Promise<RobotRow> {
    const robot = await this.robots.find(id);
    if (robot === null) throw new NotFoundError('alert_robot.not_found', id);
    return robot;
  }

  private columns(settings: RobotSettings) {
    return {
      name: settings.name.trim(),
      platform: settings.platform,
      locale: settings.locale,
      triggers: [...new Set(settings.triggers)],
      approvalWaitMinutes: settings.approvalWaitMinutes,
      firstContactLeadMinutes: settings.firstContactLeadMinutes,
      enabled: settings.enabled,
    };
  }

  /** Checks and seals the write-only fields, keeping the stored ones that were not given. */
  private sealed(settings: RobotSettings, stored: RobotRow | null) {
    let webhookSealed = stored?.webhookSealed;
    let webhookHost = stored?.webhookHost;
    const webhookUrl = settings.webhookUrl ?? (stored ? this.box.open(stored.webhookSealed) : undefined);
    const problem =
      webhookUrl === undefined
        ? refusal('alerts.webhook_invalid')
        : checkRobotWebhook(settings.platform, webhookUrl, { allowLocalHttp: this.options.allowLocalHttp });
    if (problem !== null) throw new RefusedError(problem);
    if (settings.webhookUrl !== undefined) {
      webhookSealed = this.box.seal(settings.webhookUrl.trim());
      webhookHost = new URL(settings.webhookUrl.trim()).host;
    }
    const secretSealed =
      settings.secret === undefined
        ? (stored?.secretSealed ?? null)
        : settings.secret.trim() === ''
          ? null
          : this.box.seal(settings.secret.trim());
    if (ROBOT_SIGNS_WITH_SECRET[settings.platform] && secretSealed === null) {
      throw new RefusedError(refusal('alerts.secret_required', { platform: settings.platform }));
    }
    return { webhookSealed: webhookSealed as string, webhookHost: webhookHost as string, secretSealed };
  }
}

function view(row: RobotRow): RobotView {
  return {
    id: row.id,
    shopId: row.shopId,
    name: row.name,
    platform: row.platform,
    webhookHost: row.webhookHost,
    secretSet: row.secretSealed !== null,
    locale: row.locale,
    triggers: row.triggers,
    approvalWaitMinutes: row.approvalWaitMinutes,
    firstContactLeadMinutes: row.firstContactLeadMinutes,
    enabled: row.enabled,
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
  };
}
