import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SimulatedApp {
  appKey: string;
  appSecret: string;
}

/** A shop's authorisation: TOP's session key, JD's and 抖店's access token. */
export interface SimulatedToken {
  appKey: string;
  token: string;
  expiresAt: Date | null;
}

export interface GatewaySimulatorOptions {
  now: () => Date;
  apps: readonly SimulatedApp[];
  tokens: readonly SimulatedToken[];
}

export interface SimulatedCall {
  method: string;
  params: Record<string, string>;
  /** `ok`, or the error the simulator answered. */
  answer: string;
}

/** What the platform-specific part answers: the body, and `ok` or the error it stands for. */
export interface SimulatedAnswer {
  body: Record<string, unknown>;
  outcome: string;
}

/**
 * What every platform's simulator shares: a local HTTP server (tests and the demo), a log of the
 * calls, tokens that expire and renew, rate limits on demand, and answers that never arrive (the
 * connection cut after the platform took a reply) so a retry must not post twice.
 */
export abstract class GatewaySimulator {
  readonly requests: SimulatedCall[] = [];
  protected readonly tokens: SimulatedToken[];
  protected limited = 0;
  private dropped = 0;
  private server: Server | null = null;

  protected constructor(
    protected readonly options: GatewaySimulatorOptions,
    /** The path the gateway answers on, e.g. `/routerjson`. */
    private readonly path: string,
    /** The method whose answers `dropNextReplyAnswers` cuts. */
    private readonly replyMethod: string,
  ) {
    this.tokens = options.tokens.map((token) => ({ ...token }));
  }

  /** Starts on 127.0.0.1 (a free port unless given) and returns the gateway URL. */
  async start(port = 0): Promise<string> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.path}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }

  /** The next `count` calls are refused as over the app's call limit; 0 lifts the limit. */
  limitNextCalls(count: number): void {
    this.limited = count;
  }

  /** The next `count` replies are taken but their answers never arrive. */
  dropNextReplyAnswers(count: number): void {
    this.dropped = count;
  }

  expireToken(token: string): void {
    for (const item of this.tokens) if (item.token === token) item.expiresAt = this.options.now();
  }

  renewToken(token: string, appKey: string): void {
    this.tokens.push({ appKey, token, expiresAt: null });
  }

  callsOf(method: string): SimulatedCall[] {
    return this.requests.filter((request) => request.method === method && request.answer === 'ok');
  }

  protected app(appKey: string | undefined): SimulatedApp | undefined {
    return this.options.apps.find((candidate) => candidate.appKey === appKey);
  }

  protected tokenValid(appKey: string, token: string | undefined): boolean {
    const now = this.options.now();
    return this.tokens.some(
      (item) => item.token === token && item.appKey === appKey && (item.expiresAt === null || item.expiresAt > now),
    );
  }

  /** Takes one call off the rate limit; true while the limit lasts. */
  protected overLimit(): boolean {
    if (this.limited <= 0) return false;
    this.limited -= 1;
    return true;
  }

  /** The call's parameters: the query and a form-encoded body together (a platform with a JSON body says otherwise). */
  protected params(url: URL, body: string): Record<string, string> {
    return Object.fromEntries(new URLSearchParams(`${url.search.slice(1)}&${body}`));
  }

  /** The call's method (from its parameters, or its path). */
  protected abstract read(request: IncomingMessage, params: Record<string, string>): string;
  protected abstract answer(method: string, params: Record<string, string>): SimulatedAnswer;
  /** The JSON text of an answer (platforms write big ids as bare numbers). */
  protected abstract write(body: Record<string, unknown>): string;

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const params = this.params(new URL(request.url ?? '/', 'http://x'), Buffer.concat(chunks).toString('utf8'));
    const method = this.read(request, params);
    const { body, outcome } = this.answer(method, params);
    this.requests.push({ method, params, answer: outcome });
    if (method === this.replyMethod && outcome === 'ok' && this.dropped > 0) {
      this.dropped -= 1;
      request.socket.destroy();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json;charset=utf-8' });
    response.end(this.write(body));
  }
}
