import { ApiProperty } from '@nestjs/swagger';

import { COMPENSATION_TYPES, DEPARTMENTS, PLATFORMS, REPORT_OUTCOMES, ROOT_CAUSES } from '@chaping/domain';

export class ChangeDto {
  @ApiProperty() delta!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Relative change; null when there was nothing before' })
  ratio!: number | null;
}

export class SubCauseRowDto {
  @ApiProperty({ type: String, nullable: true }) subCause!: string | null;
  @ApiProperty() cases!: number;
  @ApiProperty({ description: 'Share of the cause' }) share!: number;
}

export class QuoteDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'The review text, personal data masked' }) text!: string;
}

export class CauseRowDto {
  @ApiProperty({ enum: ROOT_CAUSES, nullable: true, description: 'Null: not classified' }) rootCause!: string | null;
  @ApiProperty() cases!: number;
  @ApiProperty() share!: number;
  @ApiProperty() previousCases!: number;
  @ApiProperty() previousShare!: number;
  @ApiProperty({ type: ChangeDto }) change!: ChangeDto;
  @ApiProperty({ enum: DEPARTMENTS, nullable: true }) department!: string | null;
  @ApiProperty({ description: 'Who should act, in the requested language' }) whoShouldAct!: string;
  @ApiProperty({ type: [SubCauseRowDto] }) subCauses!: SubCauseRowDto[];
  @ApiProperty({ type: [QuoteDto] }) quotes!: QuoteDto[];
}

export class ProductRowDto {
  @ApiProperty() productId!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() complaints!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Orders that month, when the shop supplied them' })
  orders!: number | null;
  @ApiProperty({ type: Number, nullable: true }) complaintsPerThousandOrders!: number | null;
  @ApiProperty({ enum: ROOT_CAUSES, nullable: true }) topCause!: string | null;
}

export class SkuRowDto {
  @ApiProperty() productId!: string;
  @ApiProperty() shopId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() skuName!: string;
  @ApiProperty() complaints!: number;
}

export class OutcomeRowDto {
  @ApiProperty({ enum: REPORT_OUTCOMES }) outcome!: string;
  @ApiProperty() cases!: number;
  @ApiProperty() share!: number;
}

export class CompensationRowDto {
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiProperty() count!: number;
  @ApiProperty() amountFen!: number;
}

export class FirstContactDto {
  @ApiProperty({ type: Number, nullable: true }) medianHours!: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Hours!: number | null;
  @ApiProperty({ description: 'Cases contacted (the sample)' }) cases!: number;
}

export class ActionEffectDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ROOT_CAUSES }) rootCause!: string;
  @ApiProperty({ type: String, nullable: true }) subCause!: string | null;
  @ApiProperty({ type: String, nullable: true }) productTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) skuName!: string | null;
  @ApiProperty({ enum: DEPARTMENTS }) department!: string;
  @ApiProperty({ enum: ['open', 'in_progress', 'done'] }) status!: string;
  @ApiProperty({ description: 'For PATCH /api/action-items/{id} (expectedVersion)' }) version!: number;
  @ApiProperty({ example: '2026-09' }) startedMonth!: string;
  @ApiProperty({ description: 'Complaints per month of the cause in the 3 months before' }) beforePerMonth!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Per month since, up to the report month' })
  afterPerMonth!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Per 1,000 orders before, when orders are known' })
  beforePerThousandOrders!: number | null;
  @ApiProperty({ type: Number, nullable: true }) afterPerThousandOrders!: number | null;
}

export class MonthlyReportDto {
  @ApiProperty({ example: '2026-10' }) month!: string;
  @ApiProperty({ example: '2026-09' }) previousMonth!: string;
  @ApiProperty({ type: [String], nullable: true, description: 'Shops covered; null means every shop' })
  shopIds!: string[] | null;
  @ApiProperty({ enum: PLATFORMS, isArray: true }) platforms!: string[];
  @ApiProperty() cases!: number;
  @ApiProperty() previousCases!: number;
  @ApiProperty({ type: ChangeDto }) change!: ChangeDto;
  @ApiProperty({ type: [CauseRowDto] }) causes!: CauseRowDto[];
  @ApiProperty({ type: [ProductRowDto] }) topProducts!: ProductRowDto[];
  @ApiProperty({ type: [SkuRowDto] }) topSkus!: SkuRowDto[];
  @ApiProperty({ type: [OutcomeRowDto] }) outcomes!: OutcomeRowDto[];
  @ApiProperty({ type: [CompensationRowDto] }) compensation!: CompensationRowDto[];
  @ApiProperty() compensationTotalFen!: number;
  @ApiProperty({ type: FirstContactDto }) firstContact!: FirstContactDto;
  @ApiProperty({ type: [ActionEffectDto] }) actionItems!: ActionEffectDto[];
}
