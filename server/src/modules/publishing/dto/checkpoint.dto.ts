import {
  MAX_CHECKPOINT_NAME_LENGTH,
  type CreateCheckpointRequest,
  type RestoreRequest,
} from '@coproduce/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { RequiredText } from '../../../base/text-fields';

export class CreateCheckpointDto implements CreateCheckpointRequest {
  @RequiredText('The checkpoint’s name', MAX_CHECKPOINT_NAME_LENGTH, { oneLine: true })
  name: string;
}

export class RestoreDto implements RestoreRequest {
  @ApiProperty({ description: 'The checkpoint to restore' })
  @IsMongoId({ message: 'checkpointId must be a checkpoint’s id.' })
  checkpointId: string;
}
