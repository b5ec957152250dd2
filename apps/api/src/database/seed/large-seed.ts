import { Client } from 'pg';

import {
  DEFAULT_POLICY,
  PLATFORMS,
  reportOutcome,
  REVIEW_OUTCOMES,
  ROOT_CAUSES,
  SUB_CAUSES,
  type RootCause,
} from '@chaping/domain';

/**
 * A realistic history at SaaS scale for benchmarks: by default 1,000,000 cases over 24 months in
 * 20 shops with 5,000 products, generated inside PostgreSQL (generate_series, a month per round)
 * so that it takes minutes, not hours. Ids are derived from sequence numbers (md5 → uuid), so
 * rows refer to each other without lookups and a rerun produces the same shape.
 */
export interface LargeSeedOptions {
  cases: number;
  months: number;
  shops: number;
  productsPerShop: number;
  buyersPerShop: number;
  agentsPerShop: number;
  /** The history ends here (the newest reviews are from the last hours before it). */
  now: Date;
  /** Real review texts by root cause (texts a reader would believe), reused round-robin. */
  textsByCause: Partial<Record<RootCause, string[]>>;
  /** An argon2 hash every seeded account signs in with. */
  passwordHash: string;
  log?: (line: string) => void;
}

export const LARGE_SEED_DEFAULTS = {
  cases: 1_000_000,
  months: 24,
  shops: 20,
  productsPerShop: 250,
  buyersPerShop: 30_000,
  agentsPerShop: 3,
};

/** How often each cause is the reason for a complaint, roughly as sellers' spreadsheets show it. */
const CAUSE_SHARES: ReadonlyArray<[RootCause, number]> = [
  ['product_quality', 0.3],
  ['not_as_described', 0.12],
  ['size_fit', 0.08],
  ['price_value', 0.06],
  ['logistics_delay', 0.14],
  ['logistics_damage', 0.06],
  ['service_attitude', 0.07],
  ['refund_dispute', 0.06],
  ['promotion_rules', 0.04],
  ['malicious', 0.02],
  ['other', 0.05],
];

/** Campaign months carry more reviews: 618 in June, 双11 in November, the spring festival is quiet. */
const MONTH_WEIGHT: Readonly<Record<number, number>> = { 1: 0.9, 2: 0.7, 6: 1.5, 11: 1.8, 12: 1.2 };

const CATEGORIES = [
  ['保温杯', '500ml 不锈钢'],
  ['连衣裙', '夏季新款'],
  ['洗发水', '去屑 750ml'],
  ['平板电脑', '10.1英寸 64G'],
  ['蓝牙耳机', '降噪版'],
  ['苹果', '5斤装 脆甜'],
  ['运动鞋', '透气网面'],
  ['面霜', '保湿 50g'],
  ['手机壳', '防摔款'],
  ['电热水器', '60升 一级能效'],
  ['纯牛奶', '250ml×24盒'],
  ['儿童绘本', '全10册'],
] as const;

const SHOP_NAMES = ['优品', '家居', '数码', '服饰', '美妆', '生鲜', '母婴', '运动', '百货', '电器'];
const SKUS = ['白色', '黑色', '蓝色', '标准装', '加大码', '礼盒装'];

/**
 * The domain's reportOutcome for every combination of its facts, for the seed to look up in SQL:
 * the generated history gets what CaseRepository.save would have stored, by the same rule.
 */
const REPORT_OUTCOME_TABLE = JSON.stringify(
  [null, ...REVIEW_OUTCOMES].flatMap((reviewOutcome) =>
    [false, true].flatMap((appealWon) =>
      [false, true].map((replyPublished) => ({
        review_outcome: reviewOutcome,
        appeal_won: appealWon,
        reply_published: replyPublished,
        outcome: reportOutcome({ reviewOutcome, appealWon, replyPublished }),
      })),
    ),
  ),
);

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
const array = (values: readonly string[]) => `ARRAY[${values.map(literal).join(',')}]::text[]`;
const uuid = (expression: string) => `md5(${expression})::uuid`;

/** SQL picking a root cause: the product's own weak spot 40% of the time, else by CAUSE_SHARES. */
function causeSql(random: string, product: string): string {
  let cumulative = 0;
  const branches = CAUSE_SHARES.map(([cause, share]) => {
    cumulative += share;
    return `WHEN ${random} < ${cumulative.toFixed(4)} THEN ${literal(cause)}`;
  }).join(' ');
  const weakSpot = `(${array(ROOT_CAUSES.filter((cause) => cause !== 'malicious' && cause !== 'other'))})[1 + (${product} * 7) % 9]`;
  return `CASE WHEN random() < 0.4 THEN ${weakSpot} ELSE CASE ${branches} ELSE 'other' END END`;
}

const subCauseSql = (cause: string) =>
  `CASE ${ROOT_CAUSES.map(
    (root) =>
      `WHEN ${cause} = ${literal(root)} THEN (${array(SUB_CAUSES[root])})[1 + floor(random() * ${SUB_CAUSES[root].length})::int]`,
  ).join(' ')} END`;

const hoursBySeverity = (hours: Record<string, number>, severity: string) =>
  `CASE ${severity} ${Object.entries(hours)
    .map(([key, value]) => `WHEN ${literal(key)} THEN ${value}`)
    .join(' ')} END`;

export async function seedLargeData(
  url: string,
  options: LargeSeedOptions,
): Promise<{ cases: number; seconds: number }> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    // All or nothing: a seed that fails half-way leaves an empty database to seed again.
    await client.query('BEGIN');
    await seedShopsAndPeople(client, options);
    log(`Shops, ${options.shops * options.agentsPerShop} agents, products and buyers written`);
    const texts = JSON.stringify(
      Object.fromEntries(
        ROOT_CAUSES.map((cause) => [
          cause,
          options.textsByCause[cause]?.length ? options.textsByCause[cause] : ['不满意'],
        ]),
      ),
    );
    const weights = Array.from({ length: options.months }, (_, index) => {
      const month = monthStart(options.now, options.months - 1 - index);
      return MONTH_WEIGHT[month.getUTCMonth() + 1] ?? 1;
    });
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    let written = 0;
    for (let index = 0; index < options.months; index++) {
      const count =
        index === options.months - 1
          ? options.cases - written
          : Math.round((options.cases * (weights[index] ?? 1)) / totalWeight);
      const from = monthStart(options.now, options.months - 1 - index);
      const to = index === options.months - 1 ? options.now : monthStart(options.now, options.months - 2 - index);
      await seedMonth(client, options, { first: written + 1, count, from, to, texts });
      written += count;
      log(`${from.toISOString().slice(0, 7)}: ${count} cases (${written} in all)`);
    }
    await seedOrderCounts(client, options);
    await client.query('COMMIT');
    log('Orders per product and month written; vacuuming and analysing');
    await client.query(`VACUUM ANALYZE`);
    return { cases: written, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}

/** The first instant of the month `back` months before the one `now` is in (UTC months are close enough here). */
function monthStart(now: Date, back: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
}

async function seedShopsAndPeople(client: Client, options: LargeSeedOptions): Promise<void> {
  const { shops, productsPerShop, buyersPerShop, agentsPerShop } = options;
  await client.query(
    `INSERT INTO shop (id, platform, name, platform_shop_id)
     SELECT ${uuid(`'shop' || k`)}, (${array(PLATFORMS)})[1 + (k - 1) % 5],
            (${array(SHOP_NAMES)})[1 + (k - 1) % ${SHOP_NAMES.length}] || '旗舰店' || k, 'large-' || k
       FROM generate_series(1, $1) k`,
    [shops],
  );
  await client.query(
    `INSERT INTO app_user (id, username, display_name, role, on_shift, password_hash)
     SELECT ${uuid(`'agent' || k || '-' || a`)}, 'agent' || k || '-' || a, '客服' || k || '-' || a, 'agent', true, $3
       FROM generate_series(1, $1) k, generate_series(1, $2) a
     UNION ALL SELECT ${uuid(`'lead'`)}, 'lead', '组长', 'lead', true, $3
     UNION ALL SELECT ${uuid(`'admin'`)}, 'admin', '管理员', 'admin', true, $3`,
    [shops, agentsPerShop, options.passwordHash],
  );
  await client.query(
    `INSERT INTO user_shop (user_id, shop_id)
     SELECT ${uuid(`'agent' || k || '-' || a`)}, ${uuid(`'shop' || k`)} FROM generate_series(1, $1) k, generate_series(1, $2) a
     UNION ALL SELECT ${uuid(`'lead'`)}, ${uuid(`'shop' || k`)} FROM generate_series(1, $1) k`,
    [shops, agentsPerShop],
  );
  await client.query(
    `INSERT INTO product (id, shop_id, platform_product_id, title)
     SELECT ${uuid(`'product' || k || '-' || i`)}, ${uuid(`'shop' || k`)}, 'P' || k || '-' || i,
            (${array(CATEGORIES.map(([name]) => name))})[1 + i % ${CATEGORIES.length}] || ' ' ||
            (${array(CATEGORIES.map(([, variant]) => variant))})[1 + i % ${CATEGORIES.length}] || ' 款' || i
       FROM generate_series(1, $1) k, generate_series(1, $2) i`,
    [shops, productsPerShop],
  );
  await client.query(
    `INSERT INTO buyer (id, shop_id, platform, platform_buyer_id, nickname, phone, address)
     SELECT ${uuid(`'buyer' || k || '-' || j`)}, ${uuid(`'shop' || k`)}, (${array(PLATFORMS)})[1 + (k - 1) % 5], 'B' || k || '-' || j,
            (ARRAY['小','阿','大','老','甜'])[1 + j % 5] || (ARRAY['鹿','米','橙','云','豆','猫'])[1 + j % 6] || j % 997,
            '13' || lpad((j * 7919 % 1000000000)::text, 9, '0'), '浙江省杭州市西湖区文三路' || (j % 300) || '号'
       FROM generate_series(1, $1) k, generate_series(1, $2) j`,
    [shops, buyersPerShop],
  );
}

interface MonthBatch {
  first: number;
  count: number;
  from: Date;
  to: Date;
  texts: string;
}

async function seedMonth(client: Client, options: LargeSeedOptions, batch: MonthBatch): Promise<void> {
  const { shops, productsPerShop, buyersPerShop, agentsPerShop } = options;
  const sla = DEFAULT_POLICY.sla;
  await client.query(`DROP TABLE IF EXISTS seed_batch`);
  // One row per case with every random choice made once, then each table is written from it.
  await client.query(
    `CREATE TEMP TABLE seed_batch AS
     SELECT n, k, pi, bj, agent, reviewed_at, cause, ${subCauseSql('cause')} AS sub_cause, severity, first_contact_hours,
            closing_days, r_outcome, r_stage, r_extra, r_side
       FROM (SELECT n, k, pi, bj, agent, reviewed_at, ${causeSql('r_cause', 'pi')} AS cause, severity,
                    -ln(1 - random()) * 5 AS first_contact_hours, 1 + random() * 6 AS closing_days,
                    random() AS r_outcome, random() AS r_stage, random() AS r_extra, random() AS r_side
               FROM (SELECT n, 1 + floor(random() * $3)::int AS k,
                            1 + floor($4 * power(random(), 2.2))::int AS pi,
                            1 + floor(random() * $5)::int AS bj, 1 + floor(random() * $6)::int AS agent,
                            $7::timestamptz + random() * ($8::timestamptz - $7::timestamptz) AS reviewed_at,
                            random() AS r_cause,
                            (ARRAY['low','medium','medium','medium','high','high','critical'])[1 + floor(random() * 7)::int] AS severity
                       FROM generate_series($1::int, $1::int + $2::int - 1) n) base) picked`,
    [batch.first, batch.count, shops, productsPerShop, buyersPerShop, agentsPerShop, batch.from, batch.to],
  );
  const now = options.now.toISOString();
  await client.query(
    `INSERT INTO trade_order (id, shop_id, platform_order_id, buyer_id, product_id, sku_name, ordered_at, amount_fen)
     SELECT ${uuid(`'order' || n`)}, ${uuid(`'shop' || k`)}, 'O' || n, ${uuid(`'buyer' || k || '-' || bj`)},
            ${uuid(`'product' || k || '-' || pi`)}, (${array(SKUS)})[1 + (n % ${SKUS.length})],
            reviewed_at - interval '5 days', 2000 + (n * 37 % 30000)
       FROM seed_batch`,
  );
  await client.query(
    `INSERT INTO review (id, shop_id, platform, platform_review_id, order_id, buyer_id, product_id, rating, current_rating, text, reviewed_at)
     SELECT ${uuid(`'review' || n`)}, ${uuid(`'shop' || k`)}, (${array(PLATFORMS)})[1 + (k - 1) % 5], 'R' || n,
            ${uuid(`'order' || n`)}, ${uuid(`'buyer' || k || '-' || bj`)}, ${uuid(`'product' || k || '-' || pi`)},
            CASE WHEN n % 6 = 0 THEN 'neutral' ELSE 'negative' END, CASE WHEN n % 6 = 0 THEN 'neutral' ELSE 'negative' END,
            ($1::jsonb -> cause) ->> (n % jsonb_array_length($1::jsonb -> cause))::int, reviewed_at
       FROM seed_batch`,
    [batch.texts],
  );
  // Older than two weeks: recorded, bar a few still watched or appealed; newer: spread over the open stages.
  const stage = `CASE WHEN age_days > 14 THEN CASE WHEN r_stage < 0.995 THEN 'recorded' ELSE 'watching' END
                      WHEN r_stage < age_days / 16 THEN 'recorded'
                      WHEN age_days < 0.5 THEN 'new'
                      ELSE (ARRAY['contacting','apologised','resolving','compensating','replying','watching'])[1 + floor(r_extra * 6)::int] END`;
  await client.query(
    `INSERT INTO support_case (id, shop_id, review_id, buyer_id, order_id, product_id, platform, stage, rating, severity,
                               reviewed_at, assignee_id, suggested_root_cause, root_cause, sub_cause, suggested_sub_cause,
                               root_cause_confirmed, first_contact_at, first_contact_due_at, resolution_due_at,
                               appeal_deadline_at, revision_window_ends_at, urgency_at, review_outcome, record,
                               closed_from_stage, closed_at, qa_score, created_at, updated_at, sku_name)
     SELECT id, shop_id, review_id, buyer_id, order_id, product_id, platform, stage, rating, severity,
            reviewed_at, assignee_id, cause, CASE WHEN stage = 'recorded' OR r_extra < 0.8 THEN cause END,
            CASE WHEN stage = 'recorded' OR r_extra < 0.8 THEN sub_cause END, sub_cause, stage = 'recorded',
            first_contact_at, first_contact_due_at, resolution_due_at, reviewed_at + interval '30 days',
            reviewed_at + interval '30 days',
            CASE WHEN first_contact_at IS NULL THEN first_contact_due_at ELSE resolution_due_at END,
            CASE WHEN stage = 'recorded' THEN outcome END,
            CASE WHEN stage = 'recorded' THEN jsonb_build_object('productModel', '', 'rootCause', cause,
                 'actionsTaken', '电话联系买家致歉并处理', 'outcome', outcome, 'specialNotes', '', 'recordedAt', closed_at) END,
            CASE WHEN stage = 'recorded' THEN 'watching' END,
            CASE WHEN stage = 'recorded' THEN closed_at END,
            CASE WHEN stage = 'recorded' AND r_extra < 0.25 THEN 60 + (n % 41) END,
            reviewed_at + interval '10 minutes', reviewed_at + interval '10 minutes', (${array(SKUS)})[1 + (n % ${SKUS.length})]
       FROM (SELECT *, CASE WHEN stage = 'new' THEN NULL
                            ELSE least(reviewed_at + first_contact_hours * interval '1 hour', $1::timestamptz) END AS first_contact_at,
                    least(reviewed_at + (first_contact_hours + closing_days * 24) * interval '1 hour', $1::timestamptz) AS closed_at
               FROM (SELECT dated.*, ${stage} AS stage
                       FROM (SELECT b.*, ${uuid(`'case' || n`)} AS id, ${uuid(`'shop' || k`)} AS shop_id, ${uuid(`'review' || n`)} AS review_id,
                                    ${uuid(`'buyer' || k || '-' || bj`)} AS buyer_id, ${uuid(`'order' || n`)} AS order_id,
                                    ${uuid(`'product' || k || '-' || pi`)} AS product_id, (${array(PLATFORMS)})[1 + (k - 1) % 5] AS platform,
                                    CASE WHEN n % 6 = 0 THEN 'neutral' ELSE 'negative' END AS rating,
                                    ${uuid(`'agent' || k || '-' || agent`)} AS assignee_id,
                                    reviewed_at + ${hoursBySeverity(sla.firstContactHours, 'severity')} * interval '1 hour' AS first_contact_due_at,
                                    reviewed_at + ${hoursBySeverity(sla.resolutionHours, 'severity')} * interval '1 hour' AS resolution_due_at,
                                    CASE WHEN r_outcome < 0.18 THEN 'revised_positive' WHEN r_outcome < 0.25 THEN 'deleted'
                                         WHEN r_outcome < 0.30 THEN 'follow_up_added' ELSE 'unchanged' END AS outcome,
                                    extract(epoch FROM $1::timestamptz - reviewed_at) / 86400 AS age_days
                               FROM seed_batch b) dated) staged) cased`,
    [now],
  );
  await client.query(
    `INSERT INTO case_event (case_id, shop_id, case_version, type, actor_id, at, data)
     SELECT ${uuid(`'case' || n`)}, ${uuid(`'shop' || k`)}, 1, 'case_opened', 'system', reviewed_at,
            jsonb_build_object('source', 'seed', 'platformReviewId', 'R' || n, 'suggestedRootCause', cause,
                               'suggestedSubCause', sub_cause, 'severity', severity, 'buyerType', 'new_buyer',
                               'misclick', false, 'assigneeId', ${uuid(`'agent' || k || '-' || agent`)})
       FROM seed_batch`,
  );
  // About one case in seven is compensated; most of those are paid, a few wait for a lead or were refused.
  await client.query(
    `INSERT INTO compensation (id, case_id, shop_id, buyer_id, type, amount_fen, note, status, proposed_at, proposed_by,
                               decided_at, decided_by, paid_at)
     SELECT ${uuid(`'compensation' || n`)}, ${uuid(`'case' || n`)}, ${uuid(`'shop' || k`)}, ${uuid(`'buyer' || k || '-' || bj`)},
            (ARRAY['coupon','coupon','coupon','cash','gift','free_shipping','next_order_discount'])[1 + (n % 7)],
            500 + (n * 13 % 30) * 100, '给您添麻烦了，一点心意',
            CASE WHEN n % 50 < 45 THEN 'paid' WHEN n % 50 < 47 THEN 'approved' WHEN n % 50 < 49 THEN 'pending_approval' ELSE 'rejected' END,
            least(reviewed_at + (first_contact_hours + 2) * interval '1 hour', $1::timestamptz), 'agent',
            least(reviewed_at + (first_contact_hours + 3) * interval '1 hour', $1::timestamptz), 'lead',
            CASE WHEN n % 50 < 45 THEN least(reviewed_at + (first_contact_hours + 30) * interval '1 hour', $1::timestamptz) END
       FROM seed_batch WHERE r_side < 0.14`,
    [now],
  );
  await client.query(
    `INSERT INTO public_reply (id, case_id, shop_id, target, text, status, drafted_at, published_at)
     SELECT ${uuid(`'reply' || n`)}, ${uuid(`'case' || n`)}, ${uuid(`'shop' || k`)}, 'review',
            '感谢您的反馈，给您带来不便非常抱歉，我们已经改进。', 'published', c.closed_at, c.closed_at
       FROM seed_batch b JOIN support_case c ON c.id = ${uuid(`'case' || b.n`)}
      WHERE c.stage = 'recorded' AND c.review_outcome = 'unchanged' AND b.r_side > 0.6`,
  );
  await client.query(
    `INSERT INTO appeal (id, case_id, shop_id, kind, evidence_refs, filed_at, result, result_at)
     SELECT ${uuid(`'appeal' || n`)}, ${uuid(`'case' || n`)}, ${uuid(`'shop' || k`)}, 'extortion', ARRAY['chat-log'],
            reviewed_at + interval '1 day', CASE WHEN r_side < 0.6 THEN 'won' ELSE 'lost' END,
            least(reviewed_at + interval '4 days', $1::timestamptz)
       FROM seed_batch WHERE cause = 'malicious'`,
    [now],
  );
  // What CaseRepository.save would have stored after the review outcome, replies and appeals.
  await client.query(
    `UPDATE support_case c SET report_outcome = t.outcome
       FROM seed_batch b,
            jsonb_to_recordset($1::jsonb) AS t(review_outcome text, appeal_won boolean, reply_published boolean, outcome text)
      WHERE c.id = ${uuid(`'case' || b.n`)} AND t.outcome <> 'unresolved'
        AND t.review_outcome IS NOT DISTINCT FROM c.review_outcome
        AND t.appeal_won = EXISTS (SELECT 1 FROM appeal a WHERE a.case_id = c.id AND a.result = 'won')
        AND t.reply_published = EXISTS (SELECT 1 FROM public_reply r WHERE r.case_id = c.id AND r.status = 'published')`,
    [REPORT_OUTCOME_TABLE],
  );
}

async function seedOrderCounts(client: Client, options: LargeSeedOptions): Promise<void> {
  await client.query(
    `INSERT INTO product_month_orders (product_id, month, shop_id, orders)
     SELECT ${uuid(`'product' || k || '-' || i`)}, m::date, ${uuid(`'shop' || k`)},
            greatest(50, floor(12000 / power(i, 0.6) * (0.8 + random() * 0.4)))::int
       FROM generate_series(1, $1) k, generate_series(1, $2) i,
            generate_series(date_trunc('month', $3::timestamptz - ($4 - 1) * interval '1 month'), $3::timestamptz, interval '1 month') m`,
    [options.shops, options.productsPerShop, options.now, options.months],
  );
}
