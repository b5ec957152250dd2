import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RobotKind = 'dingtalk' | 'wecom' | 'feishu';

export interface ReceivedMessage {
  platform: RobotKind;
  text: string;
}

export interface ReceiverSecrets {
  dingtalk: string;
  feishu: string;
  /** WeCom robots are identified by the key in their URL, not signed. */
  wecomKey: string;
}

/**
 * A local stand-in for the three platforms' group robots: it checks each request the way the
 * platform documents (DingTalk: `timestamp`/`sign` query over `timestamp\nsecret` keyed by the
 * secret; Feishu: `timestamp`/`sign` in the body, keyed by `timestamp\nsecret` over ""; WeCom: the
 * key in the URL), answers with the platform's own error codes when they are wrong, and keeps the
 * messages it accepted. Its clock is the app's, so a test clock in 2026-03 still passes the
 * platforms' one-hour freshness check.
 */
export class RobotReceiver {
  readonly messages: ReceivedMessage[] = [];
  readonly refused: { platform: RobotKind; reason: string }[] = [];
  /** Every raw request (URL and body), for tests that grep what left the app. */
  readonly requests: string[] = [];

  private constructor(
    private readonly server: Server,
    private readonly secrets: ReceiverSecrets,
    private readonly now: () => Date,
  ) {}

  static async start(secrets: ReceiverSecrets, now: () => Date): Promise<RobotReceiver> {
    let receiver: RobotReceiver | null = null;
    const server = createServer((request, response) => void receiver?.handle(request, response));
    receiver = new RobotReceiver(server, secrets, now);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  private get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The webhook a test enters for a platform (with the platform's own path and token). */
  webhook(platform: RobotKind): string {
    switch (platform) {
      case 'dingtalk':
        return `${this.base}/robot/send?access_token=ding-token-123`;
      case 'wecom':
        return `${this.base}/cgi-bin/webhook/send?key=${this.secrets.wecomKey}`;
      case 'feishu':
        return `${this.base}/open-apis/bot/v2/hook/feishu-hook-123`;
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    this.requests.push(`${request.url}\n${raw}`);
    const url = new URL(request.url ?? '/', this.base);
    const body = JSON.parse(raw) as Record<string, unknown>;
    const answer = (status: number, json: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(json));
    };
    const fresh = (ms: number) => Math.abs(this.now().getTime() - ms) <= 3_600_000;

    if (url.pathname === '/robot/send') {
      const timestamp = Number(url.searchParams.get('timestamp'));
      const expected = createHmac('sha256', this.secrets.dingtalk)
        .update(`${timestamp}\n${this.secrets.dingtalk}`)
        .digest('base64');
      if (
        url.searchParams.get('access_token') !== 'ding-token-123' ||
        url.searchParams.get('sign') !== expected ||
        !fresh(timestamp)
      ) {
        this.refused.push({ platform: 'dingtalk', reason: 'sign not match' });
        return answer(200, { errcode: 310000, errmsg: 'sign not match' });
      }
      this.messages.push({ platform: 'dingtalk', text: (body['text'] as { content: string }).content });
      return answer(200, { errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname.startsWith('/open-apis/bot/v2/hook/')) {
      const timestamp = Number(body['timestamp']);
      const expected = createHmac('sha256', `${timestamp}\n${this.secrets.feishu}`).update('').digest('base64');
      if (body['sign'] !== expected || !fresh(timestamp * 1000)) {
        this.refused.push({ platform: 'feishu', reason: 'sign match fail' });
        return answer(200, {
          code: 19021,
          msg: 'sign match fail or timestamp is not within one hour from current time',
        });
      }
      this.messages.push({ platform: 'feishu', text: (body['content'] as { text: string }).text });
      return answer(200, { code: 0, msg: 'success' });
    }
    if (url.pathname === '/cgi-bin/webhook/send') {
      if (url.searchParams.get('key') !== this.secrets.wecomKey) {
        this.refused.push({ platform: 'wecom', reason: 'invalid webhook url' });
        return answer(200, { errcode: 93000, errmsg: 'invalid webhook url' });
      }
      this.messages.push({ platform: 'wecom', text: (body['text'] as { content: string }).content });
      return answer(200, { errcode: 0, errmsg: 'ok' });
    }
    answer(404, { errcode: 404, errmsg: 'not found' });
  }
}
