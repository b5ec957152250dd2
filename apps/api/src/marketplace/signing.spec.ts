import { createHash } from 'node:crypto';

import {
  concatenateSorted,
  doudianParamJson,
  signaturesMatch,
  signDoudian,
  signJos,
  signPinduoduo,
  signTop,
} from './signing';

/**
 * The example TOP publishes in its guide to calling the API ("API调用方法详解", open.taobao.com
 * doc articleId=101617, also at developer.alibaba.com/docs/doc.htm?articleId=101617): secret
 * `helloworld`, these parameters, sign_method md5 → 66987CB115214E59E6EC978214934FB8.
 */
const TOP_EXAMPLE = {
  method: 'taobao.item.seller.get',
  app_key: '12345678',
  session: 'test',
  timestamp: '2016-01-01 12:00:00',
  format: 'json',
  v: '2.0',
  sign_method: 'md5',
  fields: 'num_iid,title,nick,price,num',
  num_iid: '11223344',
};

describe('TOP signing', () => {
  it('concatenates the parameters in ASCII order as the guide shows, without sign and empty values', () => {
    expect(concatenateSorted({ foo: '1', bar: '2', foo_bar: '3', foobar: '4', sign: 'X', empty: '' })).toBe(
      'bar2foo1foo_bar3foobar4',
    );
    expect(concatenateSorted(TOP_EXAMPLE)).toBe(
      'app_key12345678fieldsnum_iid,title,nick,price,numformatjsonmethodtaobao.item.seller.getnum_iid11223344sessiontestsign_methodmd5timestamp2016-01-01 12:00:00v2.0',
    );
  });

  it('signs md5 to the published example', () => {
    expect(signTop(TOP_EXAMPLE, 'helloworld', 'md5')).toBe('66987CB115214E59E6EC978214934FB8');
  });

  // TOP publishes no HMAC example; the HMAC is keyed with the secret over the sorted pairs alone,
  // so the RFC test vectors apply to parameters whose concatenation is the RFC's message "Hi There".
  it('signs hmac (HMAC-MD5) to RFC 2202 test case 1', () => {
    expect(signTop({ Hi: ' There' }, '\x0b'.repeat(16), 'hmac')).toBe('9294727A3638BB1C13F48EF8158BFC9D');
  });

  it('signs hmac-sha256 to RFC 4231 test case 1', () => {
    expect(signTop({ Hi: ' There' }, '\x0b'.repeat(20), 'hmac-sha256')).toBe(
      'B0344C61D8DB38535CA8AFCEAF0BF12B881DC200C9833DA726E9376C2E32CFF7',
    );
  });

  it('changes with any parameter, so a tampered request fails verification', () => {
    const signed = signTop(TOP_EXAMPLE, 'helloworld', 'md5');
    expect(signTop({ ...TOP_EXAMPLE, num_iid: '11223345' }, 'helloworld', 'md5')).not.toBe(signed);
    expect(signTop(TOP_EXAMPLE, 'helloworle', 'md5')).not.toBe(signed);
    expect(signaturesMatch(signed.toLowerCase(), signed)).toBe(true);
    expect(signaturesMatch(undefined, signed)).toBe(false);
    expect(signaturesMatch('66987CB1', signed)).toBe(false);
  });
});

describe('JOS and Pinduoduo signing', () => {
  // Neither publishes a worked example we could find; both document TOP's md5 construction
  // (secret + sorted key/value pairs + secret, upper-case MD5), so TOP's example must hold for them.
  it('uses the TOP md5 construction', () => {
    expect(signJos(TOP_EXAMPLE, 'helloworld')).toBe('66987CB115214E59E6EC978214934FB8');
    expect(signPinduoduo(TOP_EXAMPLE, 'helloworld')).toBe('66987CB115214E59E6EC978214934FB8');
  });
});

describe('抖店 signing', () => {
  // 抖店 "API调用指南" (op.jinritemai.com/docs/guide-docs/10/23): param_json with sorted keys, then
  // secret + app_key… method… param_json… timestamp… v… + secret. No worked digest is published,
  // so the digest is checked against the documented text hashed independently here.
  const input = {
    appKey: '3409409348479354011',
    method: 'product.getGoodsCategory',
    paramJson: doudianParamJson({ page: '1', cid: '12' }),
    timestamp: '2020-09-15 14:48:13',
    v: '2',
  };
  const documented =
    'secretapp_key3409409348479354011methodproduct.getGoodsCategoryparam_json{"cid":"12","page":"1"}timestamp2020-09-15 14:48:13v2secret';

  it('sorts param_json keys at every level, as in the guide\'s example {"cid":"12","page":"1"}', () => {
    expect(input.paramJson).toBe('{"cid":"12","page":"1"}');
    expect(doudianParamJson({ b: { d: 1, c: [{ f: 1, e: 2 }] }, a: 0 })).toBe(
      '{"a":0,"b":{"c":[{"e":2,"f":1}],"d":1}}',
    );
  });

  it('signs md5 and hmac-sha256 over the documented text', () => {
    expect(signDoudian(input, 'secret', 'md5')).toBe(createHash('md5').update(documented).digest('hex'));
    expect(signDoudian(input, 'secret', 'hmac-sha256')).toMatch(/^[0-9a-f]{64}$/);
    expect(signDoudian(input, 'secret', 'hmac-sha256')).not.toBe(signDoudian(input, 'other', 'hmac-sha256'));
  });
});
