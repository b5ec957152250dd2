import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  HANDLING_LEAD_MINUTES,
  HANDLING_PAUSE_MINUTES,
  HISTORY_WINDOW_DAYS,
  MAX_HANDLING_SAMPLE_CASES,
  MIN_HISTORY_CASES,
  type DelayBasis,
  type HandlingBasis,
  type RatesBasis,
  type RootCause,
} from '@chaping/domain';

import { NegativeRateByCauseDto, PersonDto } from './campaign.dto';

const cases = () => ApiPropertyOptional({ minimum: 0 });

/** Expected cases of each root cause in one hour; causes without a rate are left out. */
export class CasesByCauseDto implements Partial<Record<RootCause, number>> {
  @cases() product_quality?: number;
  @cases() not_as_described?: number;
  @cases() size_fit?: number;
  @cases() price_value?: number;
  @cases() logistics_delay?: number;
  @cases() logistics_damage?: number;
  @cases() service_attitude?: number;
  @cases() refund_dispute?: number;
  @cases() promotion_rules?: number;
  @cases() malicious?: number;
  @cases() other?: number;
}

export class ForecastBasisDto {
  @ApiProperty({
    enum: ['history', 'campaign'],
    description: `history: the shop's own cases per order of the window (at least ${MIN_HISTORY_CASES} linked cases); campaign: the campaign's negativeRateByCause`,
  })
  rates!: RatesBasis;

  @ApiProperty({
    enum: ['history', 'default'],
    description: `history: the shop's observed order-to-review delays, to the nearest day; default: DEFAULT_REVIEW_DELAY (below ${MIN_HISTORY_CASES} cases)`,
  })
  delay!: DelayBasis;

  @ApiProperty({
    enum: ['measured', 'campaign'],
    description: `measured: the mean agent work per case recorded in the window, from each agent's actions on every case (the time since their previous action goes to the case acted on; a pause over ${HANDLING_PAUSE_MINUTES} min starts a sitting with ${HANDLING_LEAD_MINUTES} min lead-in), at least ${MIN_HISTORY_CASES} cases, the latest ${MAX_HANDLING_SAMPLE_CASES}); campaign: the campaign's minutesPerCase`,
  })
  handling!: HandlingBasis;

  @ApiProperty({ description: 'Recorded cases the minutes per case were measured on; 0 when handling is campaign' })
  measuredCases!: number;

  @ApiProperty({
    format: 'date-time',
    description: `${HISTORY_WINDOW_DAYS} days before windowEnd`,
  })
  windowStart!: string;

  @ApiProperty({ format: 'date-time', description: 'The campaign start, or now once it has started' })
  windowEnd!: string;

  @ApiProperty({ description: "The shop's orders placed in the window" })
  orders!: number;

  @ApiProperty({
    description:
      'The orders the rates divide by: an order younger than the longest review delay counts for the share of its reviews already due',
  })
  ordersCounted!: number;

  @ApiProperty({ description: 'Review cases linked to those orders' })
  linkedCases!: number;
}

export class ReviewDelayShareDto {
  @ApiProperty({ description: 'Whole hours from the order to its review' }) afterHours!: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) share!: number;
}

export class ForecastHourDto {
  @ApiProperty({ format: 'date-time', description: "The hour's start, UTC" }) hour!: string;
  @ApiProperty({ type: CasesByCauseDto }) byCause!: CasesByCauseDto;
  @ApiProperty({ description: 'Expected cases (fractional)' }) total!: number;
  @ApiProperty({ description: 'Agents needed at 85% occupancy' }) agents!: number;
}

export class RosterShiftDto {
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ description: "The shift's busiest hour's need" }) need!: number;
  @ApiProperty({ type: [PersonDto] }) agents!: PersonDto[];
}

export class UncoveredHourDto {
  @ApiProperty({ format: 'date-time' }) hour!: string;
  @ApiProperty({ description: 'Agents missing in that hour' }) short!: number;
}

export class RosterDto {
  @ApiProperty({ type: [RosterShiftDto], description: 'Shifts 00/08/16 China time over the forecast hours' })
  shifts!: RosterShiftDto[];
  @ApiProperty({ type: [UncoveredHourDto] }) uncovered!: UncoveredHourDto[];
}

export class CampaignForecastDto {
  @ApiProperty({ type: ForecastBasisDto }) basis!: ForecastBasisDto;
  @ApiProperty({ type: NegativeRateByCauseDto }) negativeRateByCause!: NegativeRateByCauseDto;
  @ApiProperty({ type: [ReviewDelayShareDto] }) reviewDelay!: ReviewDelayShareDto[];
  @ApiProperty({
    description: "The minutes per case the agents were counted at: measured, or the campaign's (basis.handling)",
  })
  minutesPerCase!: number;
  @ApiProperty({
    type: [ForecastHourDto],
    description: 'Consecutive hours from the first order hour to the last plus the longest delay',
  })
  hours!: ForecastHourDto[];
  @ApiProperty({ description: 'Expected cases in all' }) total!: number;
  @ApiProperty() peakAgents!: number;
  @ApiProperty({ type: RosterDto }) roster!: RosterDto;
}

export class ComparedHourDto {
  @ApiProperty({ format: 'date-time', description: "The hour's start, UTC" }) hour!: string;
  @ApiProperty({ description: 'Expected cases (fractional)' }) forecast!: number;
  @ApiProperty({ description: "The shop's review cases reviewed in the hour" }) actual!: number;
  @ApiProperty({ description: 'Of those, cases of orders placed during the campaign' })
  actualFromCampaignOrders!: number;
  @ApiProperty() forecastAgents!: number;
  @ApiProperty({ description: 'Agents the actual cases needed, at the same minutes per case and occupancy' })
  actualAgents!: number;
}

export class PromotionComplaintsDto {
  @ApiProperty({ format: 'uuid' }) promotionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: "Complaints whose review names this promotion's title and no other" })
  cases!: number;
}

export class CampaignComplaintsDto {
  @ApiProperty({ format: 'date-time', description: 'The campaign start' }) windowStart!: string;
  @ApiProperty({ format: 'date-time', description: "The campaign end plus the forecast's longest review delay" })
  windowEnd!: string;
  @ApiProperty({ description: 'Review cases with root cause promotion_rules reviewed in the window' })
  total!: number;
  @ApiProperty({
    enum: ['title_in_review_text'],
    description: "A complaint counts for a promotion only when the review's words contain its title (2+ characters)",
  })
  attribution!: 'title_in_review_text';
  @ApiProperty({
    type: [PromotionComplaintsDto],
    description: "The campaign's promotions, in the campaign detail's order",
  })
  promotions!: PromotionComplaintsDto[];
  @ApiProperty({ description: 'Complaints naming no promotion' }) unattributed!: number;
  @ApiProperty({ description: 'Complaints naming several promotions: counted for none' }) ambiguous!: number;
  @ApiProperty({ description: 'Complaints beyond the 20,000 read, not attributed' }) notExamined!: number;
}

export class CampaignReviewDto {
  @ApiProperty({ type: ForecastBasisDto, description: 'The forecast compared, made as for GET …/forecast' })
  basis!: ForecastBasisDto;
  @ApiProperty({ format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: "False while the forecast's last hour has not ended: actual figures may still grow" })
  complete!: boolean;
  @ApiProperty({ type: [ComparedHourDto], description: "The forecast's hours" }) hours!: ComparedHourDto[];
  @ApiProperty() forecastTotal!: number;
  @ApiProperty() actualTotal!: number;
  @ApiProperty() actualFromCampaignOrdersTotal!: number;
  @ApiProperty({ type: CampaignComplaintsDto }) promotionComplaints!: CampaignComplaintsDto;
}
