import { ApiProperty } from '@nestjs/swagger';
import { Min } from 'class-validator';

import { IsInt4 } from './validation';

/** Every command on a case names the version it was based on; a stale one gets 409. */
export class CaseCommandDto {
  @ApiProperty({ description: 'The case version the client last saw', example: 3 })
  @IsInt4()
  @Min(1)
  expectedVersion!: number;
}
