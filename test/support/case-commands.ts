import type { UserEntity } from '@chaping/api/testing';
import { isTickedByAction, SCRIPT_LIBRARY, scriptVersion } from '@chaping/domain';

import type { TestApp } from './test-app';

/** The parts of the case view the command helpers compare. */
interface VersionedView {
  version: number;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const CHILD_TABLES = ['contact_attempt', 'compensation', 'public_reply', 'case_event'] as const;

/**
 * Ticks by hand every check-off of the case's current script that no action proves, as an agent
 * who followed it does; the ones an action proves stay as the case's record makes them.
 */
export async function followScript(app: TestApp, caseId: string, as?: UserEntity): Promise<void> {
  const current = await app.get<{ script: string | null; checkIds: string[] }>(`/api/cases/${caseId}/script-ticks`, as);
  if (current.status !== 200) throw new Error(`script-ticks answered ${current.status}`);
  const { script } = current.body;
  if (!script) return;
  const [id = '', version = ''] = script.split('@');
  const template = scriptVersion(SCRIPT_LIBRARY, id, Number(version));
  if (!template) throw new Error(`${script} is not a shipped script; tick it in the test`);
  for (const check of template.steps.flatMap((step) => step.checks)) {
    if (isTickedByAction(check.id) || current.body.checkIds.includes(check.id)) continue;
    const ticked = await app.post(`/api/cases/${caseId}/script-ticks`, { script, checkId: check.id, ticked: true }, as);
    if (ticked.status !== 200)
      throw new Error(`ticking ${check.id} answered ${ticked.status}: ${JSON.stringify(ticked.body)}`);
  }
}

/**
 * Case commands as a scenario sends them: `command` expects the command accepted and returns the
 * case view; `expectRefused` expects a refusal with its status and code and proves nothing changed.
 */
export function caseCommands<View extends VersionedView>(app: () => TestApp) {
  /** Sends a command at the case's current version; a stage move after following the stage's script, as the case view does. */
  async function command(caseId: string, path: string, body: Record<string, unknown>, as?: UserEntity) {
    if (path === 'transitions') await followScript(app(), caseId, as);
    const current = await app().get<View>(`/api/cases/${caseId}`, as);
    const response = await app().post<View>(
      `/api/cases/${caseId}/${path}`,
      { expectedVersion: current.body.version, ...body },
      as,
    );
    if (response.status !== 200)
      throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function expectRefused(
    caseId: string,
    path: string,
    body: Record<string, unknown>,
    expected: { status: number; code: string; as?: UserEntity },
  ): Promise<ErrorBody> {
    const before = await app().get<View>(`/api/cases/${caseId}`, expected.as);
    const counts = await Promise.all(CHILD_TABLES.map((table) => app().count(table, caseId)));
    const response = await app().post<ErrorBody>(
      `/api/cases/${caseId}/${path}`,
      { expectedVersion: before.body.version, ...body },
      expected.as,
    );
    expect({ status: response.status, code: response.body.code }).toEqual({
      status: expected.status,
      code: expected.code,
    });
    expect(response.body.requestId).toEqual(expect.any(String));
    expect((await app().get<View>(`/api/cases/${caseId}`, expected.as)).body).toEqual(before.body);
    expect(await Promise.all(CHILD_TABLES.map((table) => app().count(table, caseId)))).toEqual(counts);
    return response.body;
  }

  /** Buyer reached over IM, apology, cause confirmed, remedy done: the case is ready for a compensation. */
  async function toCompensating(caseId: string): Promise<View> {
    await command(caseId, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await command(caseId, 'transitions', { to: 'apologised' });
    await command(caseId, 'root-cause', { rootCause: 'product_quality' });
    await command(caseId, 'transitions', { to: 'resolving' });
    await command(caseId, 'remedy', { type: 'exchange', status: 'done' });
    return command(caseId, 'transitions', { to: 'compensating' });
  }

  /** Three unanswered IM messages: the buyer cannot be reached, so the case goes to a public reply. */
  async function toReplying(caseId: string): Promise<View> {
    for (const outcome of ['no_answer', 'busy', 'no_answer']) {
      await command(caseId, 'contact-attempts', { channel: 'im', outcome });
    }
    return command(caseId, 'transitions', { to: 'replying' });
  }

  return { command, expectRefused, toCompensating, toReplying };
}
