import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 500.' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500.' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500.' })
  limit?: number;
}
