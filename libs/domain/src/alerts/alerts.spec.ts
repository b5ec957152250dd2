import { refusalMessage } from '../refusals/messages';
import { ALERT_MESSAGE_MAX_BYTES, alertMessage, type AlertFact } from './alert-message';
import { checkRobotWebhook, type RobotPlatform } from './robots';

const strict = { allowLocalHttp: false };

describe('checkRobotWebhook', () => {
  it.each<[RobotPlatform, string]>([
    ['dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=abc123'],
    ['wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'],
    ['feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/db264cc8-856d-4be9-8b3e-962f5fced676'],
    ['feishu', 'https://open.larksuite.com/open-apis/bot/v2/hook/abc'],
  ])('accepts a %s robot at its own address', (platform, url) => {
    expect(checkRobotWebhook(platform, url, strict)).toBeNull();
  });

  it.each<[RobotPlatform, string, string]>([
    ['dingtalk', 'not a url', 'alerts.webhook_invalid'],
    ['dingtalk', 'http://oapi.dingtalk.com/robot/send?access_token=a', 'alerts.webhook_not_https'],
    ['dingtalk', 'file:///etc/passwd', 'alerts.webhook_not_https'],
    ['dingtalk', 'https://169.254.169.254/latest/meta-data', 'alerts.webhook_host_not_allowed'],
    ['dingtalk', 'https://oapi.dingtalk.com.evil.example/robot/send', 'alerts.webhook_host_not_allowed'],
    ['dingtalk', 'https://oapi.dingtalk.com@10.0.0.1/robot/send', 'alerts.webhook_host_not_allowed'],
    ['dingtalk', 'https://user@oapi.dingtalk.com/robot/send', 'alerts.webhook_host_not_allowed'],
    ['dingtalk', 'https://oapi.dingtalk.com:8443/robot/send', 'alerts.webhook_host_not_allowed'],
    ['dingtalk', 'https://oapi.dingtalk.com/gettoken', 'alerts.webhook_host_not_allowed'],
    ['wecom', 'https://oapi.dingtalk.com/robot/send?access_token=a', 'alerts.webhook_host_not_allowed'],
    ['feishu', 'https://open.feishu.cn/open-apis/auth/v3/tenant_access_token', 'alerts.webhook_host_not_allowed'],
    ['feishu', 'http://localhost:8080/hook', 'alerts.webhook_not_https'],
  ])('refuses %s at %s', (platform, url, code) => {
    expect(checkRobotWebhook(platform, url, strict)?.code).toBe(code);
  });

  it('allows plain http to this machine only when configured for tests', () => {
    const local = { allowLocalHttp: true };
    expect(checkRobotWebhook('feishu', 'http://127.0.0.1:5001/hook', local)).toBeNull();
    expect(checkRobotWebhook('feishu', 'http://10.0.0.5:5001/hook', local)?.code).toBe('alerts.webhook_not_https');
  });

  it('says where the robot should be, in words', () => {
    const refused = checkRobotWebhook('feishu', 'https://example.com/hook', strict);
    expect(refused && refusalMessage(refused, 'zh-CN')).toBe(
      '飞书机器人的 Webhook 地址应以 https://open.feishu.cn/open-apis/bot/v2/hook/ 或 https://open.larksuite.com/open-apis/bot/v2/hook/ 开头',
    );
    expect(refused && refusalMessage(refused, 'en')).toContain('A Feishu robot');
  });
});

describe('alertMessage', () => {
  const critical: AlertFact = {
    kind: 'critical_case',
    shopName: '旗舰店',
    platform: 'taobao',
    product: '电热水壶',
    rootCause: null,
    link: 'https://chaping.example/cases/1',
  };

  it('says one alert in Chinese, and in English for an English-speaking team', () => {
    expect(alertMessage([critical], 'zh-CN')).toBe(
      '差评工单提醒\n【严重差评】旗舰店（淘宝） 新增严重差评，商品：电热水壶 https://chaping.example/cases/1',
    );
    expect(alertMessage([critical], 'en')).toContain(
      '[Critical] New critical review in 旗舰店 (Taobao), product: 电热水壶',
    );
  });

  it('batches several alerts into one numbered message', () => {
    const due: AlertFact = {
      kind: 'first_contact_due',
      shopName: '旗舰店',
      platform: 'jd',
      dueAt: '2026-03-10T06:30:00Z',
      link: null,
    };
    const text = alertMessage(
      [
        critical,
        due,
        {
          kind: 'approval_waiting',
          shopName: '旗舰店',
          platform: 'jd',
          amountFen: 2000,
          waitingMinutes: 45,
          link: null,
        },
      ],
      'zh-CN',
    );
    expect(text.split('\n')).toEqual([
      '差评工单提醒（3 条）',
      expect.stringMatching(/^1\. 【严重差评】/),
      '2. 【首次联系将超时】旗舰店（京东） 有工单须在 3/10 14:30（北京时间） 前首次联系买家',
      '3. 【待审批】旗舰店（京东） 一笔 20.00 元的补偿已等待审批 45 分钟',
    ]);
  });

  it('stays within the smallest platform limit and says how many more are waiting', () => {
    const many = Array.from({ length: 200 }, () => critical);
    const text = alertMessage(many, 'zh-CN');
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(ALERT_MESSAGE_MAX_BYTES);
    expect(text).toMatch(/……另有 \d+ 条，请在差评工单中查看$/);
  });
});
