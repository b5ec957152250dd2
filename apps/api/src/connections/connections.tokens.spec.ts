import { marketplaceOptionsFromEnv } from './connections.tokens';

describe('marketplace settings from the environment', () => {
  it('reads the TOP gateway and the pull interval, and refuses values that cannot work', () => {
    expect(marketplaceOptionsFromEnv({})).toEqual({});
    expect(
      marketplaceOptionsFromEnv({
        TOP_GATEWAY_URL: 'https://gw.api.taobao.com/router/rest',
        MARKETPLACE_PULL_SECONDS: '120',
      }),
    ).toEqual({ topGatewayUrl: 'https://gw.api.taobao.com/router/rest', defaultPullEverySeconds: 120 });
    expect(() => marketplaceOptionsFromEnv({ MARKETPLACE_PULL_SECONDS: '5' })).toThrow(/60 to 86400/);
    expect(() => marketplaceOptionsFromEnv({ TOP_GATEWAY_URL: 'gw.api.taobao.com' })).toThrow(/http\(s\) URL/);
    expect(marketplaceOptionsFromEnv({ JOS_GATEWAY_URL: 'http://127.0.0.1:9/routerjson' })).toEqual({
      josGatewayUrl: 'http://127.0.0.1:9/routerjson',
    });
    expect(() => marketplaceOptionsFromEnv({ JOS_GATEWAY_URL: 'api.jd.com' })).toThrow(/JOS_GATEWAY_URL/);
    expect(marketplaceOptionsFromEnv({ DOUDIAN_GATEWAY_URL: 'http://127.0.0.1:9' })).toEqual({
      doudianGatewayUrl: 'http://127.0.0.1:9',
    });
    expect(() => marketplaceOptionsFromEnv({ DOUDIAN_GATEWAY_URL: 'openapi-fxg.jinritemai.com' })).toThrow(
      /DOUDIAN_GATEWAY_URL/,
    );
  });
});
