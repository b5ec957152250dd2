import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { freePort } from './free-port';

/** A PostgreSQL server of one test's own (see postgres-server.mjs) that the test may stop and start. */
export class PostgresProcess {
  private readonly answers: string[] = [];
  private waiting: ((line: string) => void) | null = null;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly adminUrl: string,
  ) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = null;
        resolve(line);
      } else this.answers.push(line);
    });
  }

  static async start(): Promise<PostgresProcess> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'chaping-faults-pg-'));
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(__dirname, 'postgres-server.mjs'), dataDir, String(port)], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const server = new PostgresProcess(child, `postgres://postgres:postgres@127.0.0.1:${port}/postgres`);
    await server.expect('ready');
    return server;
  }

  stop(): Promise<void> {
    return this.command('stop', 'stopped');
  }

  start(): Promise<void> {
    return this.command('start', 'started');
  }

  quit(): Promise<void> {
    return this.command('quit', 'bye');
  }

  private async command(command: string, expected: string): Promise<void> {
    this.child.stdin.write(`${command}\n`);
    await this.expect(expected);
  }

  private async expect(expected: string): Promise<void> {
    const line = this.answers.shift() ?? (await new Promise<string>((resolve) => (this.waiting = resolve)));
    if (line !== expected) throw new Error(`PostgreSQL process answered "${line}", expected "${expected}"`);
  }
}
