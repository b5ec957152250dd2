import { dingtalkSign, feishuSign, signedDingtalkUrl } from './robot-signing';

// Expected values computed independently with OpenSSL, from the documented inputs:
//   printf '%s\n%s' 1577262236757 'this is secret' | openssl dgst -sha256 -hmac 'this is secret' -binary | base64
//   printf '' | openssl dgst -sha256 -mac HMAC -macopt key:"$(printf '%s\n%s' 1599360473 demo-secret)" -binary | base64
// The secret 'this is secret' is the one in DingTalk's own Python sample (open.dingtalk.com, 自定义机器人安全设置);
// Feishu's sample (open.feishu.cn, 自定义机器人使用指南) keys the HMAC with timestamp + "\n" + secret over "".
describe('robot signing', () => {
  it('signs a DingTalk request as its documentation does', () => {
    expect(dingtalkSign('this is secret', 1577262236757)).toBe('hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
  });

  it('puts the DingTalk timestamp and url-encoded sign in the query, keeping the access token', () => {
    const url = new URL(
      signedDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'this is secret', 1577262236757),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1577262236757');
    expect(url.searchParams.get('sign')).toBe('hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
    expect(url.search).toContain('sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2B');
  });

  it('signs a Feishu request with the timestamp and secret as the key over an empty message', () => {
    expect(feishuSign('demo-secret', 1599360473)).toBe('3/MaVZ8JLIy4TUG+7KSFJqvUkTKd+HWY8g+56DZWq8s=');
  });
});
