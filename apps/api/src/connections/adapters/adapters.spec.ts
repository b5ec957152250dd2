import { CONNECTABLE_PLATFORMS, PLATFORMS, REPLY_API_PLATFORMS } from '@chaping/domain';

import { marketplaceAdapter } from '.';

describe('marketplace adapters', () => {
  it('exist for exactly the platforms the domain (and so the web) calls connectable', () => {
    const withAdapter = PLATFORMS.filter((platform) => marketplaceAdapter(platform) !== null);
    expect(withAdapter).toEqual([...CONNECTABLE_PLATFORMS]);
    expect([...REPLY_API_PLATFORMS].every((platform) => CONNECTABLE_PLATFORMS.includes(platform))).toBe(true);
    expect(marketplaceAdapter('pinduoduo')).toBeNull();
  });

  it('default to a sign method their platform takes', () => {
    for (const platform of CONNECTABLE_PLATFORMS) {
      const adapter = marketplaceAdapter(platform);
      expect(adapter?.signMethods).toContain(adapter?.defaultSignMethod);
    }
    expect(marketplaceAdapter('jd')?.signMethods).toEqual(['md5']);
  });
});
