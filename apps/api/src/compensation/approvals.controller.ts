import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { COMPENSATION_TYPES } from '@chaping/domain';

import { caseScopeSql, SqlParams } from '../cases/case-scope';
import { Access, CurrentActor, type SignedInActor } from '../common/actor/actor';

export class PendingCompensationDto {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'Send as expectedVersion when approving or rejecting' }) caseVersion!: number;
  @ApiProperty() shopName!: string;
  @ApiProperty() buyerNickname!: string;
  @ApiProperty() reviewText!: string;
  @ApiProperty({ enum: COMPENSATION_TYPES }) type!: string;
  @ApiProperty({ description: 'fen' }) amountFen!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ type: [String], example: ['over_limit'] }) approvalReasons!: string[];
  @ApiProperty({ format: 'date-time' }) proposedAt!: string;
  @ApiProperty({ nullable: true, type: String }) proposedByName!: string | null;
}

interface PendingRow {
  id: string;
  case_id: string;
  case_version: number;
  shop_name: string;
  buyer_nickname: string;
  review_text: string;
  type: string;
  amount_fen: number;
  note: string;
  approval_reasons: string[];
  proposed_at: Date;
  proposed_by_name: string | null;
}

@ApiTags('compensation')
@Access('lead')
@Controller('compensations')
export class ApprovalsController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('pending')
  @ApiOperation({ summary: "Team lead's approval queue: compensations above the limits, oldest first" })
  @ApiOkResponse({ type: [PendingCompensationDto] })
  async pending(@CurrentActor() actor: SignedInActor): Promise<PendingCompensationDto[]> {
    const params = new SqlParams();
    const rows: PendingRow[] = await this.dataSource.query(
      `SELECT x.id, x.case_id, c.version AS case_version, s.name AS shop_name, b.nickname AS buyer_nickname,
              left(COALESCE(r.text, c.care_note), 120) AS review_text, x.type, x.amount_fen, x.note, x.approval_reasons, x.proposed_at,
              u.display_name AS proposed_by_name
         FROM compensation x
         JOIN support_case c ON c.id = x.case_id
         JOIN shop s ON s.id = x.shop_id
         JOIN buyer b ON b.id = c.buyer_id
         LEFT JOIN review r ON r.id = c.review_id
         LEFT JOIN app_user u ON u.id::text = x.proposed_by
        WHERE x.status = 'pending_approval' AND ${caseScopeSql(actor, params)}
        ORDER BY x.proposed_at, x.id
        LIMIT 200`,
      params.values,
    );
    return rows.map((row) => ({
      id: row.id,
      caseId: row.case_id,
      caseVersion: row.case_version,
      shopName: row.shop_name,
      buyerNickname: row.buyer_nickname,
      reviewText: row.review_text,
      type: row.type,
      amountFen: row.amount_fen,
      note: row.note,
      approvalReasons: row.approval_reasons,
      proposedAt: row.proposed_at.toISOString(),
      proposedByName: row.proposed_by_name,
    }));
  }
}
