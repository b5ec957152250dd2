// The ceiling for `npm run bench`: a bare Node HTTP server asking PostgreSQL the same questions
// as the app's case and queue endpoints, with `pg` and nothing else — no framework, no session,
// no validation, no mapping. Run as its own process: DATABASE_URL=… PORT=… node bare-server.mjs
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

const QUEUE = `SELECT c.id, c.shop_id, s.name AS shop_name, c.platform, c.stage, c.version, c.severity, c.rating,
       c.root_cause, b.nickname AS buyer_nickname, left(r.text, 120) AS review_text, c.reviewed_at,
       c.first_contact_due_at, c.first_contact_at, c.urgency_at, c.assignee_id, u.display_name AS assignee_name
  FROM support_case c
  JOIN shop s ON s.id = c.shop_id
  JOIN buyer b ON b.id = c.buyer_id
  JOIN review r ON r.id = c.review_id
  LEFT JOIN app_user u ON u.id = c.assignee_id
 WHERE c.stage <> 'recorded'
 ORDER BY c.urgency_at, c.id
 LIMIT 51`;

const server = createServer(async (request, response) => {
  try {
    const url = new URL(request.url ?? '/', 'http://bare');
    const result =
      url.pathname === '/queue'
        ? await pool.query(QUEUE)
        : await pool.query('SELECT * FROM support_case WHERE id = $1', [url.searchParams.get('id')]);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(url.pathname === '/queue' ? result.rows.slice(0, 50) : result.rows[0]));
  } catch (error) {
    response.writeHead(500);
    response.end(String(error));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
