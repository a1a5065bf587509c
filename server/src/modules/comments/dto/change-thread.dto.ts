import { ApiProperty } from '@nestjs/swagger';
import type { ChangeThreadRequest, ThreadStatus } from '@coproduce/domain';
import { IsIn } from 'class-validator';

const STATUSES: readonly ThreadStatus[] = ['open', 'resolved'];

export class ChangeThreadDto implements ChangeThreadRequest {
  @ApiProperty({ enum: STATUSES })
  @IsIn(STATUSES, { message: 'status must be "open" (reopen the thread) or "resolved".' })
  status: ThreadStatus;
}
