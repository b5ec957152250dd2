import { ApiProperty } from '@nestjs/swagger';

export class AgentSlaDto {
  @ApiProperty({ nullable: true, type: String, description: 'Null: the shop pool' }) agentId!: string | null;
  @ApiProperty({ nullable: true, type: String }) agentName!: string | null;
  @ApiProperty() open!: number;
  @ApiProperty({ description: 'First contact due and not made' }) overdueFirstContact!: number;
  @ApiProperty({ description: 'Resolution deadline passed' }) overdueResolution!: number;
  @ApiProperty({ description: 'A first-contact or resolution deadline within the next 24 h' }) dueWithin24h!: number;
}

export class SlaCaseDto {
  @ApiProperty() id!: string;
  @ApiProperty() shopName!: string;
  @ApiProperty({ nullable: true, type: String }) agentName!: string | null;
  @ApiProperty() stage!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ enum: ['first_contact', 'resolution'] }) deadline!: string;
}

export class SlaBoardDto {
  @ApiProperty({ type: [AgentSlaDto] }) agents!: AgentSlaDto[];
  @ApiProperty({ type: [SlaCaseDto], description: 'The most overdue open cases, most overdue first (50 at most)' })
  overdue!: SlaCaseDto[];
}
