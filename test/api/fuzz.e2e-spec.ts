import fc from 'fast-check';

import { aNewCase } from '../factories/case-factory';
import { exportCsv } from '../support/imports';
import { TestApp } from '../support/test-app';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  nullable?: boolean;
}

interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  body?: Schema;
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: unknown }>>;
  components: { schemas: Record<string, Schema> };
}

/** Text that has broken other systems: SQL, markup, formulas, control and odd Unicode, very long. */
const nastyText = fc.oneof(
  fc.constantFrom(
    "'); DROP TABLE support_case; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","点我")',
    '../../etc/passwd',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '👨‍👩‍👧‍👦🏳️‍🌈',
    '\u202e反转文字',
    'Ｚ̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
    '张三\t李四\r\n王五',
    '',
    ' ',
    '%00%27',
    '${7*7}{{7*7}}',
    'null',
    '-1',
    '1e309',
    // Dates and months that look right but are not on the calendar or not in range (issue 14).
    '2026-02-31',
    '2026-02-30T10:00:00Z',
    '0000-01',
    '9999-12',
    '2026-13',
    '0000-00-00',
    '2147483648',
    '%E0%A4%A',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constant('长'.repeat(5_000)),
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.MAX_SAFE_INTEGER + 2),
  fc.array(nastyText, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), nastyText, { maxKeys: 3 }),
);

/** Every table's content, to prove a refused request changed nothing. */
async function fingerprint(app: TestApp): Promise<Record<string, string>> {
  const tables: Array<{ table_name: string }> = await app.dataSource.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('user_session', 'login_attempt', 'scheduled_task', 'queue_count', 'schema_migration')`,
  );
  const prints: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await app.dataSource.query(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS print FROM ${table} t`,
    );
    prints[table] = row.print;
  }
  return prints;
}

describe('fuzzing every endpoint from the OpenAPI document', () => {
  let app: TestApp;
  let document: OpenApiDocument;
  let operations: Operation[];
  let caseId: string;

  const resolve = (schema: Schema | undefined): Schema => {
    if (!schema) return {};
    if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop() ?? '']);
    if (schema.allOf)
      return schema.allOf.map(resolve).reduce(
        (merged, part) => ({
          ...merged,
          ...part,
          properties: { ...merged.properties, ...part.properties },
          required: [...(merged.required ?? []), ...(part.required ?? [])],
        }),
        {} as Schema,
      );
    return schema;
  };

  /** A value the schema accepts in shape, but with nasty content where it is free text. */
  const plausible = (raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.format === 'uuid') return fc.constant(caseId);
    switch (schema.type) {
      case 'integer':
        // Beyond PostgreSQL's int4 as well: such values used to fail in the query as 500s.
        return fc.oneof(
          fc.integer({ min: -5, max: 5 }),
          fc.integer(),
          fc.constantFrom(2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e21),
        );
      case 'number':
        return fc.double({ noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'array':
        return depth > 2 ? fc.constant([]) : fc.array(plausible(schema.items, depth + 1), { maxLength: 3 });
      case 'object': {
        if (depth > 2 || !schema.properties) return fc.constant({});
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [key, value] of Object.entries(schema.properties)) shape[key] = plausible(value, depth + 1);
        return fc.record(shape, { requiredKeys: schema.required ?? [] } as { requiredKeys: string[] });
      }
      default:
        return nastyText;
    }
  };

  /** A body the schema refuses: not its type, one required field missing, or one field too many. */
  const refusedBody = (raw: Schema, depth = 0): fc.Arbitrary<unknown> => {
    const schema = resolve(raw);
    if (schema.type === 'array') {
      const notAnArray = fc.oneof(nastyText, fc.integer(), fc.constant({}));
      return depth > 1 || !schema.items
        ? notAnArray
        : fc.oneof(
            notAnArray,
            refusedBody(schema.items, depth + 1).map((item) => [item]),
          );
    }
    const properties = Object.keys(schema.properties ?? {});
    const base = plausible(schema) as fc.Arbitrary<Record<string, unknown>>;
    const options: Array<fc.Arbitrary<unknown>> = [
      fc
        .tuple(base, fc.string({ minLength: 1, maxLength: 12 }), nastyValue)
        .filter(([, key]) => !properties.includes(`x_${key}`))
        .map(([body, key, value]) => ({ ...body, [`x_${key}`]: value })),
      fc.oneof(nastyText, fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })),
    ];
    const required = schema.required ?? [];
    if (required.length > 0)
      options.push(
        fc.tuple(base, fc.constantFrom(...required)).map(([body, key]) => {
          const { [key]: _dropped, ...rest } = body;
          return rest;
        }),
      );
    return fc.oneof(...options);
  };

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    caseId = await aNewCase().openIn(app);
    document = (await app.get<OpenApiDocument>('/api/docs-json')).body;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const content = (operation.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
          ?.content;
        return {
          method: method.toUpperCase() as Operation['method'],
          path,
          parameters: operation.parameters ?? [],
          ...(content?.['application/json']?.schema ? { body: content['application/json'].schema } : {}),
        };
      }),
    );
  });

  afterAll(async () => {
    await app.stop();
  });

  type Sent = { operation: Operation; url: string; body?: unknown };

  const expectReadableAnswer = (sent: Sent, status: number, body: string) => {
    const where = `${sent.operation.method} ${sent.url} ${JSON.stringify(sent.body)?.slice(0, 200)}`;
    expect({ where, status: status >= 500 ? status : 'below 500' }).toEqual({ where, status: 'below 500' });
    if (status >= 400) {
      const answer = JSON.parse(body) as { code?: unknown; message?: unknown };
      expect({ where, code: typeof answer.code, message: typeof answer.message }).toEqual({
        where,
        code: 'string',
        message: 'string',
      });
      expect((answer.message as string).length).toBeGreaterThan(3);
    }
  };

  const send = async (sent: Sent) => {
    const response = await app.app.inject({
      method: sent.operation.method,
      url: sent.url,
      headers: { cookie: await app.sessionCookie(app.users.lead), 'content-type': 'application/json' },
      ...(sent.body === undefined ? {} : { payload: JSON.stringify(sent.body) }),
    });
    expectReadableAnswer(sent, response.statusCode, response.body);
    return response.statusCode;
  };

  const urlFor = (operation: Operation, pathValues: Record<string, string>, query: Record<string, unknown>) => {
    const path = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) =>
      encodeURIComponent(pathValues[name] ?? ''),
    );
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      for (const item of Array.isArray(value) ? value : [value])
        search.append(key, typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item));
    }
    const text = search.toString();
    return text ? `${path}?${text}` : path;
  };

  it('answers refused bodies with a 4xx and a message, and changes nothing', async () => {
    const writes = operations.filter((operation) => operation.body);
    expect(writes.length).toBeGreaterThan(20);
    const before = await fingerprint(app);
    for (const operation of writes) {
      const pathValues = Object.fromEntries(
        operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, caseId]),
      );
      await fc.assert(
        fc.asyncProperty(refusedBody(operation.body as Schema), async (body) => {
          const status = await send({ operation, url: urlFor(operation, pathValues, {}), body });
          expect({ operation: `${operation.method} ${operation.path}`, refused: status >= 400 }).toEqual({
            operation: `${operation.method} ${operation.path}`,
            refused: true,
          });
        }),
        { numRuns: 15, seed: 20261124 },
      );
    }
    expect(await fingerprint(app)).toEqual(before);
  }, 120_000);

  it('never answers 500 to odd paths, queries and plausible bodies with hostile text', async () => {
    for (const operation of operations) {
      const pathParameters = operation.parameters.filter((p) => p.in === 'path');
      const queryParameters = operation.parameters.filter((p) => p.in === 'query');
      const arbitrary = fc.record({
        path: fc.record(
          Object.fromEntries(
            pathParameters.map((p) => [
              p.name,
              fc.oneof(
                fc.constant(caseId),
                fc.uuid(),
                nastyText.filter((t) => t !== ''),
              ),
            ]),
          ),
        ),
        query: fc.record(
          Object.fromEntries(queryParameters.map((p) => [p.name, fc.oneof(plausible(p.schema), nastyValue)])),
          { requiredKeys: [] },
        ),
        body: operation.body ? plausible(operation.body) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ path, query, body }) => {
          await send({ operation, url: urlFor(operation, path as Record<string, string>, query), body });
        }),
        { numRuns: 12, seed: 20261124 },
      );
    }
  }, 180_000);

  it('refuses a NUL character in any text field or query value with a 400 naming it', async () => {
    const before = await fingerprint(app);
    const textPaths: Array<{ operation: Operation; field: string }> = [];
    for (const operation of operations.filter((candidate) => candidate.body)) {
      const schema = resolve(operation.body);
      for (const [field, property] of Object.entries(schema.properties ?? {}))
        if (resolve(property).type === 'string' && !resolve(property).enum && resolve(property).format !== 'uuid')
          textPaths.push({ operation, field });
    }
    expect(textPaths.length).toBeGreaterThan(10);
    for (const { operation, field } of textPaths) {
      const url = operation.path.replace(/\{(\w+)\}/g, caseId);
      const response = await app.app.inject({
        method: operation.method,
        url,
        headers: { cookie: await app.sessionCookie(app.users.lead), 'content-type': 'application/json' },
        payload: JSON.stringify({ [field]: 'a\u0000b' }),
      });
      expect({ at: `${operation.method} ${url} ${field}`, status: response.statusCode }).toEqual({
        at: `${operation.method} ${url} ${field}`,
        status: 400,
      });
    }
    const search = await app.get<{ code: string; details: { fields: Array<{ field: string }> } }>(
      `/api/cases?q=${encodeURIComponent('订单\u0000号')}`,
    );
    expect(search.status).toBe(400);
    expect(search.body.details.fields[0]?.field).toBe('q');
    expect(await fingerprint(app)).toEqual(before);
  });

  it('stores SQL-looking, script-looking and emoji text as given and answers it back unchanged', async () => {
    const texts = [
      "杯子漏水'); DROP TABLE support_case; --",
      '<script>alert("差评")</script><img src=x onerror=alert(1)>',
      '=cmd|"/c calc"!A1 买家👨‍👩‍👧‍👦很生气🏳️‍🌈，\u202e反转',
    ];
    for (const text of texts) {
      const id = await aNewCase().withText(text).openIn(app);
      const view = await app.get<{ review: { text: string } }>(`/api/cases/${id}`);
      expect(view.status).toBe(200);
      expect(view.body.review.text).toBe(text);
      expect(view.headers?.['content-type']).toContain('application/json');
    }
    const [{ cases }] = await app.dataSource.query(`SELECT count(*)::int AS cases FROM support_case`);
    expect(cases).toBeGreaterThan(texts.length);
  });

  it('refuses an oversized body, a wrong content type and malformed JSON before doing anything', async () => {
    const before = await fingerprint(app);
    const cookie = await app.sessionCookie(app.users.lead);
    const cases: Array<[contentType: string, payload: string, status: number, code: string]> = [
      [
        'application/json',
        JSON.stringify({ expectedVersion: 1, channel: 'im', outcome: 'reached', note: '长'.repeat(2_000_000) }),
        413,
        'request.too_large',
      ],
      ['application/xml', '<attempt/>', 415, 'request.unsupported_media_type'],
      ['application/json', '{"expectedVersion": 1, "channel": "im",', 400, 'request.malformed'],
    ];
    for (const [contentType, payload, status, code] of cases) {
      const response = await app.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/contact-attempts`,
        headers: { cookie, 'content-type': contentType },
        payload,
      });
      expect({ contentType, status: response.statusCode, code: response.json().code }).toEqual({
        contentType,
        status,
        code,
      });
    }
    expect(await fingerprint(app)).toEqual(before);
  });

  it('refuses a file over the upload limit with 413 and its size, and creates no job', async () => {
    const small = await TestApp.start('2026-03-10T02:00:00Z', { uploadLimitBytes: 64 * 1024 });
    try {
      const rows = Array.from({ length: 2_000 }, (_, index) => ({
        id: `big-${index}`,
        text: '质量很差，用了两天就坏了',
      }));
      const response = await small.upload<{ code: string; message: string; details: { maxMegabytes: number } }>(
        `/api/imports?shopId=${small.shops.jd.id}`,
        'too-big.csv',
        exportCsv(rows),
      );
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({ code: 'import.file_too_large', details: { maxMegabytes: 0.06 } });
      expect(response.body.message).toContain('0.06 MB');
      const [{ jobs }] = await small.dataSource.query(`SELECT count(*)::int AS jobs FROM import_job`);
      expect(jobs).toBe(0);
    } finally {
      await small.stop();
    }
  });
});
