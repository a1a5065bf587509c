import { ApiProperty } from '@nestjs/swagger';
import type { ComparisonRef } from '@coproduce/domain';
import { Matches } from 'class-validator';

const REF = /^(version:[1-9]\d{0,5}|checkpoint:[0-9a-f]{24}|draft)$/;
const MESSAGE = 'must be version:<number>, checkpoint:<id> or draft.';

/** `?from=&to=` of GET …/compare. */
export class CompareQueryDto {
  @ApiProperty({ example: 'version:1' })
  @Matches(REF, { message: `from ${MESSAGE}` })
  from: ComparisonRef;

  @ApiProperty({ example: 'draft' })
  @Matches(REF, { message: `to ${MESSAGE}` })
  to: ComparisonRef;
}
