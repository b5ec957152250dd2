import { Logger } from '@nestjs/common';

import { AlertsService, TaskScheduler, type UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { RobotReceiver } from '../support/robot-receiver';
import { TestApp } from '../support/test-app';

// The receiver listens on plain http at 127.0.0.1; only this setting lets a robot point there.
process.env['ALERTS_ALLOW_LOCAL_HTTP'] = '1';

const FEISHU_SECRET = 'SEC-feishu-0f9e8d7c6b5a';
const DINGTALK_SECRET = 'SEC-ding-1a2b3c4d5e6f';
const WECOM_KEY = 'wecom-key-693a91f6-7f00';

interface Robot {
  id: string;
  lastError: string | null;
  secretSet: boolean;
  webhookHost: string;
}

const settings = (overrides: Record<string, unknown>) => ({
  name: '售后群',
  platform: 'feishu',
  locale: 'zh-CN',
  triggers: ['critical_case', 'first_contact_due', 'approval_waiting', 'connector_failed'],
  approvalWaitMinutes: 30,
  firstContactLeadMinutes: 60,
  enabled: true,
  ...overrides,
});

describe('alerts to team chat robots', () => {
  let app: TestApp;
  let receiver: RobotReceiver;
  let admin: UserEntity;
  const answers: string[] = [];
  const logged: string[] = [];

  const send = (on: TestApp = app) => on.app.get(AlertsService).sendDue();
  const create = async (body: Record<string, unknown>, as?: UserEntity) => {
    const response = await app.request<Robot & { message?: string }>('POST', '/api/alerts/robots', {
      body,
      as: as ?? app.users.lead,
    });
    answers.push(JSON.stringify(response.body));
    return response;
  };
  /** A team-wide robot (every shop) on the receiver; only an admin may add one. */
  const teamRobot = async (
    platform: 'feishu' | 'dingtalk' | 'wecom' = 'feishu',
    secret?: string,
    triggers?: string[],
  ) => {
    const robot = await create(
      settings({
        platform,
        webhookUrl: receiver.webhook(platform),
        ...(triggers ? { triggers } : {}),
        ...(platform === 'wecom'
          ? {}
          : { secret: secret ?? (platform === 'feishu' ? FEISHU_SECRET : DINGTALK_SECRET) }),
      }),
      admin,
    );
    expect(robot.status).toBe(201);
    return robot.body;
  };

  beforeAll(async () => {
    const capture = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
    };
    jest.spyOn(Logger.prototype, 'log').mockImplementation(capture);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(capture);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(capture);
    app = await TestApp.start('2026-03-10T02:00:00Z');
    receiver = await RobotReceiver.start(
      { dingtalk: DINGTALK_SECRET, feishu: FEISHU_SECRET, wecomKey: WECOM_KEY },
      () => app.clock.now(),
    );
    admin = await app.createUser({ username: 'alerts-admin', password: 'a long admin password', role: 'admin' });
  });

  afterAll(async () => {
    await receiver.stop();
    await app.stop();
  });

  beforeEach(async () => {
    await app.dataSource.query(`DELETE FROM alert_robot`);
    receiver.messages.length = 0;
    receiver.refused.length = 0;
    app.clock.advanceMinutes(120);
  });

  it('sends a signed test message to each platform and shows neither webhook nor secret', async () => {
    for (const platform of ['feishu', 'dingtalk', 'wecom'] as const) {
      const robot = await teamRobot(platform);
      expect(robot).toMatchObject({
        webhookHost: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
        secretSet: platform !== 'wecom',
      });
      const test = await app.request<{ ok: boolean }>('POST', `/api/alerts/robots/${robot.id}/test`, { as: admin });
      answers.push(JSON.stringify(test.body));
      expect(test.body).toEqual({ ok: true });
    }
    expect(receiver.messages.map((message) => message.platform)).toEqual(['feishu', 'dingtalk', 'wecom']);
    expect(receiver.messages[0]?.text).toContain('这是一条测试消息');
    const list = await app.request('GET', '/api/alerts/robots', { as: admin });
    answers.push(JSON.stringify(list.body));
  });

  it('records in words why a robot refused a message signed with the wrong secret', async () => {
    const robot = await teamRobot('feishu', 'SEC-wrong-secret');
    const test = await app.request<{ ok: boolean; reason: string }>('POST', `/api/alerts/robots/${robot.id}/test`, {
      as: admin,
    });
    expect(test.body.ok).toBe(false);
    expect(test.body.reason).toMatch(/^飞书拒绝了消息：签名或密钥不正确，请核对机器人的加签密钥和 Webhook 地址/);
    expect(receiver.refused).toEqual([{ platform: 'feishu', reason: 'sign match fail' }]);
    const [listed] = (await app.request<Robot[]>('GET', '/api/alerts/robots', { as: admin })).body;
    expect(listed?.lastError).toBe(test.body.reason);

    // Queued alerts stay queued after a failure, and the robot backs off before trying again.
    await app.app.get(AlertsService).connectorFailed({ shopId: app.shops.jd.id, message: '授权已过期，请重新授权' });
    expect(await send()).toBe(0);
    const [pending] = await app.dataSource.query(`SELECT count(*)::int AS n FROM alert_outbox WHERE sent_at IS NULL`);
    expect(pending.n).toBe(1);
  });

  it('batches: five alerts within a minute make one message, and the next waits a minute', async () => {
    await teamRobot('dingtalk', undefined, ['connector_failed']);
    const alerts = app.app.get(AlertsService);
    for (const shop of Object.values(app.shops)) {
      await alerts.connectorFailed({ shopId: shop.id, message: '拉取评价失败：平台限流，稍后重试' });
    }
    expect(await send()).toBe(1);
    expect(receiver.messages).toHaveLength(1);
    expect(receiver.messages[0]?.text.split('\n')[0]).toBe('差评工单提醒（5 条）');

    app.clock.advanceMinutes(61);
    await alerts.connectorFailed({ shopId: app.shops.jd.id, message: '签名错误' });
    app.clock.advanceMinutes(0.5);
    expect(await send()).toBe(1);
    await alerts.connectorFailed({ shopId: app.shops.taobao.id, message: '签名错误' });
    expect(await send()).toBe(0);
    app.clock.advanceMinutes(1);
    expect(await send()).toBe(1);
    expect(receiver.messages).toHaveLength(3);
  });

  it("alerts a new critical case in the robot's shop, without the buyer's personal data", async () => {
    const robot = await create(
      settings({ webhookUrl: receiver.webhook('feishu'), secret: FEISHU_SECRET, shopId: app.shops.taobao.id }),
    );
    expect(robot.status).toBe(201);
    await aNewCase()
      .withSeverity('critical')
      .withBuyer({ realName: '王小明', phone: '13812345678', address: '上海市浦东新区世纪大道100号' })
      .withText('充电时冒烟，差点着火，联系我 13812345678')
      .openIn(app);
    await aNewCase().onPlatform('jd').withSeverity('critical').openIn(app); // another shop: not this robot's
    await app.app.get(AlertsService).scan();
    expect(await send()).toBe(1);
    const text = receiver.messages.map((message) => message.text).join('\n');
    expect(text).toContain('【严重差评】taobao 测试店（淘宝） 新增严重差评');
    expect(text).not.toContain('jd 测试店');
    for (const personal of ['王小明', '13812345678', '浦东', '冒烟']) expect(text).not.toContain(personal);

    // Scanning again queues nothing twice.
    app.clock.advanceMinutes(2);
    await app.app.get(AlertsService).scan();
    expect(await send()).toBe(0);
  });

  it('alerts a first contact due within the lead time and a compensation waiting past its limit', async () => {
    await create(
      settings({
        webhookUrl: receiver.webhook('feishu'),
        secret: FEISHU_SECRET,
        shopId: app.shops.tmall.id,
        triggers: ['first_contact_due', 'approval_waiting'],
        firstContactLeadMinutes: 45,
        approvalWaitMinutes: 20,
      }),
    );
    const caseId = await aNewCase().onPlatform('tmall').openIn(app);
    const [opened] = await app.dataSource.query(
      `SELECT first_contact_due_at AS due, buyer_id AS buyer FROM support_case WHERE id = $1`,
      [caseId],
    );
    const due = new Date(opened.due);
    // A compensation proposed (the way the workflow stores it) and left waiting for a lead.
    await app.dataSource.query(
      `INSERT INTO compensation (id, case_id, shop_id, buyer_id, type, amount_fen, note, status, proposed_at, proposed_by)
       VALUES (gen_random_uuid(), $1, $2, $3, 'cash', 2000, '补偿', 'pending_approval', $4, 'agent')`,
      [caseId, app.shops.tmall.id, opened.buyer, new Date(due.getTime() - 60 * 60_000)],
    );
    const scanAt = async (minutesBeforeDue: number) => {
      app.clock.set(new Date(due.getTime() - minutesBeforeDue * 60_000).toISOString());
      await app.app.get(AlertsService).scan();
    };
    await scanAt(50); // outside the 45-minute lead, and the compensation has waited only 10 minutes
    expect(await app.dataSource.query(`SELECT id FROM alert_outbox`)).toEqual([]);
    await scanAt(40);
    await app.app.get(AlertsService).sendDue();
    expect(receiver.messages).toHaveLength(1);
    const lines = receiver.messages[0]?.text.split('\n') ?? [];
    expect(lines[0]).toBe('差评工单提醒（2 条）');
    expect(lines.slice(1)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d\. 【待审批】tmall 测试店（天猫） 一笔 20\.00 元的补偿已等待审批 20 分钟$/),
        expect.stringMatching(/^\d\. 【首次联系将超时】tmall 测试店（天猫） 有工单须在 .+（北京时间） 前首次联系买家$/),
      ]),
    );
  });

  it('sends each alert once when two instances send at the same moment', async () => {
    // Connector alerts only: the scans of the instances' schedulers would add other tests' cases.
    await teamRobot('wecom', undefined, ['connector_failed']);
    for (const shop of Object.values(app.shops)) {
      await app.app.get(AlertsService).connectorFailed({ shopId: shop.id, message: '连接超时' });
    }
    // Started once all five are queued, so that its scheduler's first tick has them all to send.
    const second = await app.another();
    try {
      // Both instances send at once, beside the second one's own scheduler (its first tick is under way).
      await Promise.all([send(app), send(second), send(app), send(second), second.app.get(TaskScheduler).tick()]);
      // A scheduler tick may have caught the alerts while they were queued and sent the first ones
      // alone; the robot's one-message-a-minute spacing then holds the rest for a minute.
      app.clock.advanceMinutes(1);
      await Promise.all([send(app), send(second)]);
      const [left] = await app.dataSource.query(`SELECT count(*)::int AS n FROM alert_outbox WHERE sent_at IS NULL`);
      expect(left.n).toBe(0);
      const lines = receiver.messages.flatMap((message) => message.text.split('\n'));
      const alerted = lines.filter((line) => line.includes('【店铺连接失败】'));
      expect(alerted).toHaveLength(5);
      expect(new Set(alerted.map((line) => line.replace(/^\d+\. /, ''))).size).toBe(5);
      expect(receiver.messages.length).toBeLessThanOrEqual(2);
    } finally {
      await second.app.close();
    }
  });

  it('loses nothing when the instance that queued an alert stops before sending it', async () => {
    await teamRobot('feishu', undefined, ['connector_failed']);
    const leaving = await app.another();
    await leaving.app.get(AlertsService).connectorFailed({ shopId: app.shops.douyin.id, message: '授权已过期' });
    await leaving.app.close();
    const restarted = await app.another();
    try {
      // The new instance's scheduler sends what was queued (its first tick runs at start-up).
      await restarted.app.get(TaskScheduler).tick();
      await send(restarted);
      expect(receiver.messages).toHaveLength(1);
      expect(receiver.messages[0]?.text).toContain('【店铺连接失败】douyin 测试店（抖音）：授权已过期');
    } finally {
      await restarted.app.close();
    }
  });

  it("refuses webhooks off the platforms' hosts, plain http, and settings outside the caller's shops", async () => {
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ webhookUrl: 'http://open.feishu.cn/open-apis/bot/v2/hook/x', secret: 's' }, 422, /必须以 https:\/\/ 开头/],
      [{ webhookUrl: 'https://169.254.169.254/latest/meta-data', secret: 's' }, 422, /应以 https:\/\/open\.feishu\.cn/],
      [{ webhookUrl: 'http://10.0.0.8:8080/open-apis/bot/v2/hook/x', secret: 's' }, 422, /必须以 https:\/\//],
      [{ webhookUrl: 'https://open.feishu.cn@127.0.0.1/open-apis/bot/v2/hook/x', secret: 's' }, 422, /应以/],
      [{ webhookUrl: receiver.webhook('feishu') }, 422, /需填写加签密钥/],
    ];
    for (const [body, status, message] of cases) {
      const response = await create(settings({ shopId: app.shops.taobao.id, ...body }));
      expect(response.status).toBe(status);
      expect(response.body.message).toMatch(message);
    }
    const teamWide = await create(settings({ webhookUrl: receiver.webhook('feishu'), secret: FEISHU_SECRET }));
    expect(teamWide.status).toBe(403);
    const byAgent = await create(
      settings({ shopId: app.shops.taobao.id, webhookUrl: receiver.webhook('feishu'), secret: FEISHU_SECRET }),
      app.users.agent,
    );
    expect(byAgent.status).toBe(403);
    expect(await app.dataSource.query(`SELECT id FROM alert_robot`)).toEqual([]);
  });

  it('keeps secrets and webhook tokens out of every answer, log line and stored row', async () => {
    await teamRobot('dingtalk');
    await teamRobot('wecom');
    const stored = JSON.stringify(await app.dataSource.query(`SELECT * FROM alert_robot`));
    const everything = [...answers, ...logged, stored].join('\n');
    for (const secret of [FEISHU_SECRET, DINGTALK_SECRET, WECOM_KEY, 'ding-token-123', 'feishu-hook-123']) {
      expect(everything).not.toContain(secret);
    }
    expect(answers.length).toBeGreaterThan(5);
    expect(logged.some((line) => line.includes('签名或密钥不正确'))).toBe(true);
  });
});
