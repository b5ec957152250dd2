import type { RootCause } from '../../shared/vocabulary';
import { decodeBase64, encodeBase64 } from './base64';
import { classifyWithModel, loadModel } from './model';
import { grams } from './ngrams';
import { trainRootCauseModel } from './train';

const LABELLED: Array<{ text: string; rootCause: RootCause }> = [
  { text: '快递太慢了，一个星期才到', rootCause: 'logistics_delay' },
  { text: '物流慢死了，等了好久', rootCause: 'logistics_delay' },
  { text: '发货太慢，催了好几次', rootCause: 'logistics_delay' },
  { text: '用了两天就坏了，质量太差', rootCause: 'product_quality' },
  { text: '开不了机，质量有问题', rootCause: 'product_quality' },
  { text: '质量不行，做工粗糙', rootCause: 'product_quality' },
  { text: '客服态度差，爱理不理', rootCause: 'service_attitude' },
  { text: '客服不回复消息，态度恶劣', rootCause: 'service_attitude' },
];

describe('root-cause model', () => {
  it('round-trips bytes through base64', () => {
    for (const length of [0, 1, 2, 3, 4, 255]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37) % 256);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
    expect(encodeBase64(Uint8Array.from([104, 105]))).toBe('aGk=');
  });

  it('hashes grams of up to three characters, folding case and full width, never across a blank', () => {
    expect(grams('Ab c', 1000).map(({ start, end }) => [start, end])).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
      [3, 4],
    ]);
    expect(grams('ＡＢ', 1000).map((gram) => gram.bucket)).toEqual(grams('ab', 1000).map((gram) => gram.bucket));
  });

  it('trains to the same bytes from the same labels', () => {
    expect(trainRootCauseModel(LABELLED, 'test')).toEqual(trainRootCauseModel(LABELLED, 'test'));
  });

  it('learns the causes it was shown and points at the n-grams behind its answer', () => {
    const model = loadModel(trainRootCauseModel(LABELLED, 'test'));
    const text = '这次快递太慢了';
    const result = classifyWithModel(model, text);
    expect(result.ranking[0]?.rootCause).toBe('logistics_delay');
    expect(result.ranking).toHaveLength(11);
    expect(result.evidence.length).toBeGreaterThan(0);
    for (const item of result.evidence) {
      expect(text.slice(item.start, item.end)).toBe(item.phrase);
      expect(item.rootCause).toBe('logistics_delay');
      expect(item.weight).toBeGreaterThan(0);
    }
    expect(result.evidence.map((item) => item.phrase).join('')).toMatch(/慢/);
    expect(classifyWithModel(model, '客服态度很差').ranking[0]?.rootCause).toBe('service_attitude');
  });
});
