import { CaseIntakeRepository, type OpenCaseInput } from '@chaping/api/testing';
import { DEFAULT_POLICY, triageReview, type Platform, type RootCause, type Severity } from '@chaping/domain';

import type { TestApp } from '../support/test-app';

let sequence = 0;

/** Builds and stores a freshly opened case: `await aNewCase().onPlatform('jd').withSeverity('high').openIn(app)`. */
export class NewCaseBuilder {
  private platform: Platform = 'taobao';
  private severity: Severity = 'medium';
  private rootCause: RootCause = 'product_quality';
  private reviewedAt = new Date('2026-03-10T01:00:00Z');
  private buyerPatch: Partial<OpenCaseInput['buyer']> = {};
  private text = '保温杯用了三天就漏水，杯盖拧紧了也漏。';
  private product: { platformProductId: string; title: string } | null = null;
  private skuName = '白色';
  private inShopPool = false;

  onPlatform(platform: Platform): this {
    this.platform = platform;
    return this;
  }

  withSeverity(severity: Severity): this {
    this.severity = severity;
    return this;
  }

  withRootCause(rootCause: RootCause, text?: string): this {
    this.rootCause = rootCause;
    if (text) this.text = text;
    return this;
  }

  reviewedOn(iso: string): this {
    this.reviewedAt = new Date(iso);
    return this;
  }

  /** The same platform product id on several cases makes them complaints about one product. */
  forProduct(platformProductId: string, title: string, skuName = '白色'): this {
    this.product = { platformProductId, title };
    this.skuName = skuName;
    return this;
  }

  withText(text: string): this {
    this.text = text;
    return this;
  }

  /** Nobody has the case: it waits in its shop's pool for an agent to take it. */
  inPool(): this {
    this.inShopPool = true;
    return this;
  }

  withBuyer(patch: Partial<OpenCaseInput['buyer']>): this {
    this.buyerPatch = patch;
    return this;
  }

  async openIn(app: TestApp): Promise<string> {
    sequence++;
    const input: OpenCaseInput = {
      shopId: app.shops[this.platform].id,
      platform: this.platform,
      buyer: {
        platformBuyerId: `buyer-${process.pid}-${sequence}`,
        nickname: `买家${sequence}`,
        phone: '13812345678',
        address: '浙江省杭州市西湖区文三路90号',
        ...this.buyerPatch,
      },
      product: this.product ?? {
        platformProductId: `${9_007_199_254_740_993n + BigInt(sequence)}`,
        title: '真空保温杯 500ml',
      },
      order: {
        platformOrderId: `${3_012_345_678_901_234_567n + BigInt(sequence)}`,
        skuName: this.skuName,
        amountFen: 8_900,
      },
      review: {
        platformReviewId: `review-${process.pid}-${sequence}`,
        rating: 'negative',
        text: this.text,
        reviewedAt: this.reviewedAt,
      },
      severity: this.severity,
      suggestedRootCause: this.rootCause,
      // The evidence triage finds in the text; severity and cause stay as the test chose them.
      triage: {
        ...triageReview({ text: this.text, rating: 'negative' }),
        rootCause: this.rootCause,
        severity: this.severity,
      },
      assigneeId: this.inShopPool ? null : app.users.agent.id,
      source: 'test',
    };
    const caseId = await app.dataSource.transaction((manager) =>
      new CaseIntakeRepository().openCase(manager, input, DEFAULT_POLICY),
    );
    if (!caseId) throw new Error(`Review ${input.review.platformReviewId} already exists`);
    return caseId;
  }
}

export const aNewCase = () => new NewCaseBuilder();
