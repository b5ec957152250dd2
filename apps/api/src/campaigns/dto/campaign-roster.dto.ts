import { ApiProperty } from '@nestjs/swagger';

import { PersonDto } from './campaign.dto';

export class AdoptedShiftDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) start!: string;
  @ApiProperty({ format: 'date-time' }) end!: string;
  @ApiProperty({ type: PersonDto }) agent!: PersonDto;
  @ApiProperty({ format: 'date-time' }) adoptedAt!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the agent was put on shift; null before the start (or when the start was missed)',
  })
  startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the shift was closed' })
  endedAt!: string | null;
}

export class AdoptedRosterDto {
  @ApiProperty({ type: [AdoptedShiftDto], description: 'One row per agent and shift, in time order' })
  shifts!: AdoptedShiftDto[];
}
