import { ApiProperty } from '@nestjs/swagger';
import { EXPORT_FORMATS, type ExportFormat } from '@coproduce/domain';
import { IsIn } from 'class-validator';

/** `?format=` of an export route. */
export class ExportQueryDto {
  @ApiProperty({ enum: EXPORT_FORMATS, description: 'docx (Word), pdf or md (Markdown)' })
  @IsIn(EXPORT_FORMATS, { message: 'format must be docx (Word), pdf or md (Markdown).' })
  format: ExportFormat;
}
