import { platformLabel, type Locale } from '../refusals/labels';
import { SHOP_TIME_ZONE, type Platform, type RootCause } from '../shared/vocabulary';
import { rootCauseLabel } from '../triage/sub-causes';

/**
 * What an alert says, as facts about the shop and the case — never the buyer: no name, phone,
 * address or review text reaches a chat group, whatever the case holds.
 */
export type AlertFact =
  | {
      kind: 'critical_case';
      shopName: string;
      platform: Platform;
      product: string | null;
      rootCause: RootCause | null;
      link: string | null;
    }
  | { kind: 'first_contact_due'; shopName: string; platform: Platform; dueAt: string; link: string | null }
  | {
      kind: 'approval_waiting';
      shopName: string;
      platform: Platform;
      amountFen: number;
      waitingMinutes: number;
      link: string | null;
    }
  | { kind: 'connector_failed'; shopName: string; platform: Platform; message: string }
  | { kind: 'test'; robotName: string };

/** WeCom's text limit is 2,048 bytes of UTF-8; the others allow more. Kept under it with room to spare. */
export const ALERT_MESSAGE_MAX_BYTES = 1_900;

const beijingTime = (iso: string, locale: Locale): string => {
  const at = new Date(iso);
  const text = at.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: SHOP_TIME_ZONE,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  return locale === 'zh-CN' ? `${text}（北京时间）` : `${text} Beijing time`;
};

const yuan = (fen: number): string => (fen / 100).toFixed(2);

function shop(fact: { shopName: string; platform: Platform }, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${fact.shopName}（${platformLabel(fact.platform, locale)}）`
    : `${fact.shopName} (${platformLabel(fact.platform, locale)})`;
}

const withLink = (line: string, link: string | null): string => (link ? `${line} ${link}` : line);

/** One line of a message for one fact. */
export function alertLine(fact: AlertFact, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (fact.kind) {
    case 'critical_case': {
      const details = [
        fact.product ? (zh ? `商品：${fact.product}` : `product: ${fact.product}`) : null,
        fact.rootCause
          ? zh
            ? `原因：${rootCauseLabel(fact.rootCause, locale)}`
            : `cause: ${rootCauseLabel(fact.rootCause, locale)}`
          : null,
      ].filter((part): part is string => part !== null);
      const suffix = details.length > 0 ? (zh ? `，${details.join('，')}` : `, ${details.join(', ')}`) : '';
      return withLink(
        zh
          ? `【严重差评】${shop(fact, locale)} 新增严重差评${suffix}`
          : `[Critical] New critical review in ${shop(fact, locale)}${suffix}`,
        fact.link,
      );
    }
    case 'first_contact_due':
      return withLink(
        zh
          ? `【首次联系将超时】${shop(fact, locale)} 有工单须在 ${beijingTime(fact.dueAt, locale)} 前首次联系买家`
          : `[First contact due] A case in ${shop(fact, locale)} needs its first contact by ${beijingTime(fact.dueAt, locale)}`,
        fact.link,
      );
    case 'approval_waiting':
      return withLink(
        zh
          ? `【待审批】${shop(fact, locale)} 一笔 ${yuan(fact.amountFen)} 元的补偿已等待审批 ${fact.waitingMinutes} 分钟`
          : `[Approval waiting] A ¥${yuan(fact.amountFen)} compensation in ${shop(fact, locale)} has waited ${fact.waitingMinutes} minutes for a lead`,
        fact.link,
      );
    case 'connector_failed':
      return zh
        ? `【店铺连接失败】${shop(fact, locale)}：${fact.message}`
        : `[Connection failing] ${shop(fact, locale)}: ${fact.message}`;
    case 'test':
      return zh
        ? `这是一条测试消息：机器人“${fact.robotName}”已连通差评工单。`
        : `Test message: the robot "${fact.robotName}" is connected to 差评工单.`;
  }
}

/** UTF-8 length without TextEncoder (the library is built without DOM or Node types). */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * One chat message for the alerts batched since the group's last message: a heading, a line per
 * alert, and — when the platform's size limit is reached — how many more are waiting in the app.
 */
export function alertMessage(facts: readonly AlertFact[], locale: Locale): string {
  const zh = locale === 'zh-CN';
  const heading =
    facts.length === 1
      ? zh
        ? '差评工单提醒'
        : '差评工单 alert'
      : zh
        ? `差评工单提醒（${facts.length} 条）`
        : `差评工单: ${facts.length} alerts`;
  const lines = [heading];
  for (const [index, fact] of facts.entries()) {
    const rest = facts.length - index;
    const more = zh ? `……另有 ${rest} 条，请在差评工单中查看` : `…and ${rest} more in 差评工单`;
    const line = `${facts.length > 1 ? `${index + 1}. ` : ''}${alertLine(fact, locale)}`;
    const remaining = facts.length - index - 1;
    const reserve = remaining > 0 ? utf8Bytes(more) + 1 : 0;
    if (utf8Bytes([...lines, line].join('\n')) + reserve > ALERT_MESSAGE_MAX_BYTES) {
      lines.push(more);
      break;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
