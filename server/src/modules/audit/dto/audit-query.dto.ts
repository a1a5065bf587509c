import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  // Digits only: Number() would also read "0x10", "1e2" and " 5 " as numbers.
  @Transform(({ value }) =>
    typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value,
  )
  @IsInt({ message: 'limit must be a whole number from 1 to 500.' })
  @Min(1, { message: 'limit must be a whole number from 1 to 500.' })
  @Max(500, { message: 'limit must be a whole number from 1 to 500.' })
  limit?: number;
}
