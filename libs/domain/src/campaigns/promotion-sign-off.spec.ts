import { refusalMessage } from '../refusals/messages';
import {
  promotionSignedOff,
  promotionSignOffRefusal,
  withWordingChanged,
  type PromotionSigner,
  type PromotionSignOffStep,
  type PromotionUnderReview,
} from './promotion-sign-off';

const setter: PromotionSigner = { id: 'u-setter', role: 'agent' };
const teammate: PromotionSigner = { id: 'u-mate', role: 'agent' };
const lead: PromotionSigner = { id: 'u-lead', role: 'lead' };
const CLEAN = '实付满300元送杯子，赠品数量有限，送完即止';

const draft = (wording = CLEAN): PromotionUnderReview => ({
  wording,
  writtenBy: setter.id,
  signOffs: [],
  acknowledgements: [],
});

function sign(promotion: PromotionUnderReview, step: PromotionSignOffStep, actor: PromotionSigner) {
  const refused = promotionSignOffRefusal(promotion, step, actor);
  if (refused) throw new Error(refusalMessage(refused, 'en'));
  return { ...promotion, signOffs: [...promotion.signOffs, { step, by: actor.id }] };
}

const codeOf = (promotion: PromotionUnderReview, step: PromotionSignOffStep, actor: PromotionSigner) =>
  promotionSignOffRefusal(promotion, step, actor)?.code ?? null;

describe('promotion sign-offs', () => {
  it('goes setter, self-review, teammate, experience lead', () => {
    let promotion = sign(draft(), 'setter', setter);
    promotion = sign(promotion, 'self_review', setter);
    promotion = sign(promotion, 'teammate', teammate);
    expect(promotionSignedOff(promotion)).toBe(false);
    promotion = sign(promotion, 'experience', lead);
    expect(promotionSignedOff(promotion)).toBe(true);
    expect(codeOf(promotion, 'experience', { id: 'u-admin', role: 'admin' })).toBe('promotion.already_signed_off');
  });

  it('refuses a step out of order, naming the step due', () => {
    const refused = promotionSignOffRefusal(draft(), 'teammate', teammate);
    expect(refused).toEqual({
      code: 'promotion.sign_off_out_of_order',
      params: { step: 'teammate', expected: 'setter' },
    });
    expect(refused && refusalMessage(refused, 'zh-CN')).toContain('设置人确认');
  });

  it('keeps the setting and the self-review to the writer, and the later steps to others', () => {
    expect(codeOf(draft(), 'setter', teammate)).toBe('promotion.setter_required');
    const set = sign(draft(), 'setter', setter);
    expect(codeOf(set, 'self_review', teammate)).toBe('promotion.setter_required');
    const reviewed = sign(set, 'self_review', setter);
    expect(codeOf(reviewed, 'teammate', setter)).toBe('promotion.different_person_required');
    const checked = sign(reviewed, 'teammate', teammate);
    expect(codeOf(checked, 'experience', { ...teammate, role: 'lead' })).toBe('promotion.different_person_required');
    expect(codeOf(checked, 'experience', { id: 'u-other', role: 'agent' })).toBe('role.lead_required');
    expect(codeOf(checked, 'experience', { id: 'u-admin', role: 'admin' })).toBeNull();
  });

  it('refuses every step over a blocking trap, however acknowledged', () => {
    const promotion = {
      ...draft('全网最低价，实付满300减30'),
      acknowledgements: [{ code: 'promotion.absolute_claim' as const, note: 'we checked' }],
    };
    const refused = promotionSignOffRefusal(promotion, 'setter', setter);
    expect(refused).toEqual({ code: 'promotion.trap_blocking', params: { traps: ['promotion.absolute_claim'] } });
    expect(refused && refusalMessage(refused, 'zh-CN')).toContain('绝对化用语');
  });

  it('lets a warned trap through only with a written acknowledgement', () => {
    const wording = '前100名下单送杯子';
    expect(promotionSignOffRefusal(draft(wording), 'setter', setter)).toEqual({
      code: 'promotion.trap_not_acknowledged',
      params: { traps: ['promotion.first_n_unverifiable'] },
    });
    const blank = {
      ...draft(wording),
      acknowledgements: [{ code: 'promotion.first_n_unverifiable' as const, note: '  ' }],
    };
    expect(codeOf(blank, 'setter', setter)).toBe('promotion.trap_not_acknowledged');
    const noted = {
      ...draft(wording),
      acknowledgements: [{ code: 'promotion.first_n_unverifiable' as const, note: '按订单导出的付款时间核对' }],
    };
    expect(codeOf(noted, 'setter', setter)).toBeNull();
  });

  it('starts every sign-off again when the wording changes, with its writer as the setter', () => {
    const signed = sign(sign(sign(draft(), 'setter', setter), 'self_review', setter), 'teammate', teammate);
    const changed = withWordingChanged(signed, `${CLEAN}。`, teammate.id);
    expect(changed.signOffs).toEqual([]);
    expect(codeOf(changed, 'experience', lead)).toBe('promotion.sign_off_out_of_order');
    expect(codeOf(changed, 'setter', setter)).toBe('promotion.setter_required');
    expect(codeOf(changed, 'setter', teammate)).toBeNull();
    expect(withWordingChanged(signed, CLEAN, teammate.id)).toBe(signed);
  });
});
