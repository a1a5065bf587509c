import { ApiProperty } from '@nestjs/swagger';
import type { ReachCount } from '@coproduce/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { MAX_REACH_ROWS, ReachCountDto } from './engagement-fields';

export class TargetCohortDto {
  @ApiProperty({ type: [ReachCountDto] })
  @ValidateNested({ each: true })
  @Type(() => ReachCountDto)
  @ArrayMaxSize(MAX_REACH_ROWS, {
    message: 'groups has more rows than there are audiences.',
  })
  @IsObject({ each: true, message: 'Each group must be { audience, ageBand?, count }.' })
  @IsArray({ message: 'groups must be a list of { audience, ageBand?, count }.' })
  groups: ReachCount[];
}
