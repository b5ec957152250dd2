// A PostgreSQL of its own for one test file, in a child process that the test can stop and start
// again (a real server stop, not a cut connection). Plain ESM, with the launcher `npm start` uses.
// Usage: node postgres-server.mjs <dataDir> <port>; then write lines `stop`, `start` or `quit`
// on stdin; it answers `ready`, `stopped`, `started` (or `error <message>`) on stdout.
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { PostgresCluster } from '../../apps/api/src/database/postgres-cluster.mjs';

const [dataDir, port] = process.argv.slice(2);
const answer = (line) => process.stdout.write(`${line}\n`);
let server;
try {
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  server = await PostgresCluster.prepare({
    dataDir: path.join(dataDir, 'data'),
    port: Number(port),
    postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  await server.initialise();
  await server.start();
  answer('ready');
} catch (error) {
  answer(`error ${String(error).replace(/\n/g, ' ')}`);
  process.exit(1);
}

for await (const command of createInterface({ input: process.stdin })) {
  try {
    if (command === 'stop') {
      await server.stop();
      answer('stopped');
    } else if (command === 'start') {
      await server.start();
      answer('started');
    } else if (command === 'quit') {
      await server.stop().catch(() => undefined);
      await rm(dataDir, { recursive: true, force: true });
      answer('bye');
      process.exit(0);
    }
  } catch (error) {
    answer(`error ${String(error).replace(/\n/g, ' ')}`);
  }
}
