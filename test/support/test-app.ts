import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';

import {
  createApp,
  hashPassword,
  SESSION_COOKIE,
  SessionStore,
  ShopEntity,
  UserEntity,
  UserShopEntity,
  type Clock,
  type ConnectionsOptions,
  type CreateAppOptions,
  type ImportLimits,
} from '@chaping/api/testing';
import type { Platform, Role } from '@chaping/domain';

import { createTestDatabase, type TestDatabase } from './database';

/** A clock the test moves by hand: quiet hours, spacing and deadlines are then exact. */
export class TestClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = new Date(iso);
  }
  advanceMinutes(minutes: number): void {
    this.current = new Date(this.current.getTime() + minutes * 60_000);
  }
}

export interface TestUsers {
  agent: UserEntity;
  lead: UserEntity;
}

export interface TestAppOptions {
  /** The built web app to serve at `/` (see browser.ts); without it only the API is served. */
  webDist?: string;
  /** The database to use instead of a fresh one on the run's PostgreSQL (it is dropped on stop). */
  database?: TestDatabase;
  /** The largest upload, when a test needs a small one. */
  uploadLimitBytes?: number;
  /** Import limits (unpacked size, rows, columns, shared texts), when a test needs small ones. */
  importLimits?: Partial<ImportLimits>;
  /** The HTTP edge's settings (trusted proxies, Secure cookies, request timeout) when a test needs others. */
  edge?: Pick<CreateAppOptions, 'trustProxy' | 'secureCookies' | 'requestTimeoutMs'>;
  /** Marketplace connections (keyring, simulator gateway); another() instance shares them. */
  connections?: ConnectionsOptions;
}

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  role?: Role;
}

export interface Response<T = unknown> {
  status: number;
  body: T;
  headers?: Record<string, string | string[] | number | undefined>;
}

/** The real application on its own fresh database, with a shop per platform and an agent and a lead. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly clock: TestClock,
    readonly shops: Record<Platform, ShopEntity>,
    readonly users: TestUsers,
    readonly importSpoolDir: string,
    private readonly connections?: ConnectionsOptions,
  ) {}

  static async start(now = '2026-03-10T02:00:00Z', options: TestAppOptions = {}): Promise<TestApp> {
    const database = options.database ?? (await createTestDatabase());
    const clock = new TestClock(new Date(now));
    const importSpoolDir = await mkdtemp(path.join(os.tmpdir(), 'chaping-imports-'));
    const app = await createApp({
      databaseUrl: database.url,
      clock,
      logger: false,
      importSpoolDir,
      ...(options.webDist ? { webDist: options.webDist } : {}),
      ...(options.uploadLimitBytes ? { uploadLimitBytes: options.uploadLimitBytes } : {}),
      ...(options.importLimits ? { importLimits: options.importLimits } : {}),
      ...options.edge,
      ...(options.connections ? { connections: options.connections } : {}),
    });
    const dataSource = app.get(DataSource);
    const shops = {} as Record<Platform, ShopEntity>;
    for (const platform of ['taobao', 'tmall', 'jd', 'pinduoduo', 'douyin'] as const) {
      shops[platform] = await dataSource
        .getRepository(ShopEntity)
        .save({ platform, name: `${platform} 测试店`, platformShopId: `shop-${platform}` });
    }
    const user = (username: string, role: Role) =>
      dataSource.getRepository(UserEntity).save({ username, displayName: username, role, onShift: true });
    const users = { agent: await user('agent', 'agent'), lead: await user('lead', 'lead') };
    await dataSource.getRepository(UserShopEntity).save(
      Object.values(shops).flatMap((shop) => [
        { userId: users.agent.id, shopId: shop.id },
        { userId: users.lead.id, shopId: shop.id },
      ]),
    );
    return new TestApp(app, database, dataSource, clock, shops, users, importSpoolDir, options.connections);
  }

  /**
   * Another instance of the API on the same database and clock, as a load balancer would put
   * beside this one — with a disk of its own (spool directory; or the one given, as after a restart);
   * stopping it leaves the database alone.
   */
  async another(spoolDir?: string): Promise<TestApp> {
    const importSpoolDir = spoolDir ?? (await mkdtemp(path.join(os.tmpdir(), 'chaping-imports-')));
    const app = await createApp({
      databaseUrl: this.database.url,
      clock: this.clock,
      logger: false,
      importSpoolDir,
      ...(this.connections ? { connections: this.connections } : {}),
    });
    const database = { url: this.database.url, drop: async () => undefined };
    return new TestApp(
      app,
      database,
      app.get(DataSource),
      this.clock,
      this.shops,
      this.users,
      importSpoolDir,
      this.connections,
    );
  }

  /** Serves the app over real HTTP on 127.0.0.1 and a free port (for a browser); returns its base URL. */
  async listen(): Promise<string> {
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address();
    if (address === null || typeof address === 'string') throw new Error(`unexpected server address ${address}`);
    return `http://127.0.0.1:${address.port}`;
  }

  /** A user who signs in with a password, working in every test shop. */
  async createUser({ username, password, displayName = username, role = 'agent' }: NewUser): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).save({
      username,
      displayName,
      role,
      onShift: true,
      passwordHash: await hashPassword(password),
    });
    await this.dataSource
      .getRepository(UserShopEntity)
      .save(Object.values(this.shops).map((shop) => ({ userId: user.id, shopId: shop.id })));
    return user;
  }

  private readonly cookies = new Map<string, { cookie: string; expiresAt: Date }>();

  /**
   * A signed-in session for the user, made the way sign-in makes one (the sign-in endpoint itself
   * is tested in auth.e2e-spec; hashing a password per test user would only slow every file down).
   */
  async sessionCookie(user: UserEntity): Promise<string> {
    const known = this.cookies.get(user.id);
    // Tests move the clock by days; a session ends 12 h after sign-in, so sign in again when needed.
    if (known && known.expiresAt > this.clock.now()) return known.cookie;
    const { token, expiresAt } = await this.app
      .get(SessionStore)
      .create(this.dataSource.manager, user.id, this.clock.now(), { ip: '127.0.0.1', userAgent: 'test' });
    const cookie = `${SESSION_COOKIE}=${token}`;
    this.cookies.set(user.id, { cookie, expiresAt });
    return cookie;
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.database.drop();
  }

  async request<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    options: {
      body?: unknown;
      as?: UserEntity | null;
      language?: string;
      raw?: boolean;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as !== null) headers['cookie'] = await this.sessionCookie(options.as ?? this.users.agent);
    if (options.language) headers['accept-language'] = options.language;
    const response = await this.app.inject({
      method,
      url,
      headers,
      ...(options.body === undefined ? {} : { payload: options.body as Record<string, unknown> }),
    });
    return {
      status: response.statusCode,
      headers: response.headers,
      // A file download (raw) keeps its bytes; everything else is JSON.
      body: (options.raw && response.statusCode === 200 ? response.rawPayload : response.json()) as T,
    };
  }

  get<T = Record<string, unknown>>(url: string, as?: UserEntity) {
    return this.request<T>('GET', url, { as });
  }

  post<T = Record<string, unknown>>(url: string, body: unknown, as?: UserEntity) {
    return this.request<T>('POST', url, { body, as });
  }

  put<T = Record<string, unknown>>(url: string, body: unknown, as?: UserEntity) {
    return this.request<T>('PUT', url, { body, as });
  }

  patch<T = Record<string, unknown>>(url: string, body: unknown, as?: UserEntity) {
    return this.request<T>('PATCH', url, { body, as });
  }

  /** Sends a body exactly as given (JSON text with 19-digit ids must not pass through JSON.parse). */
  async postRaw<T = Record<string, unknown>>(
    url: string,
    body: string | Buffer,
    headers: Record<string, string>,
    as: UserEntity | null = this.users.agent,
  ): Promise<Response<T>> {
    const response = await this.app.inject({
      method: 'POST',
      url,
      headers: { ...(as ? { cookie: await this.sessionCookie(as) } : {}), ...headers },
      payload: body,
    });
    return { status: response.statusCode, body: response.json() as T };
  }

  /** A multipart upload with one file, as a browser's form would send it. */
  async upload<T = Record<string, unknown>>(url: string, fileName: string, content: Buffer, as?: UserEntity) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)]), fileName);
    const encoded = new Request('http://upload.local', { method: 'POST', body: form });
    const body = Buffer.from(await encoded.arrayBuffer());
    return this.postRaw<T>(
      url,
      body,
      { 'content-type': encoded.headers.get('content-type') ?? '' },
      as ?? this.users.agent,
    );
  }

  async count(table: string, caseId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId]);
    return (row as { n: number }).n;
  }
}
