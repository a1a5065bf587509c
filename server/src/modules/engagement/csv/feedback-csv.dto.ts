import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { RequiredText } from '../../../base/text-fields';
import { FEEDBACK_CSV_FIELDS, type FeedbackCsvField } from './feedback-columns';

/** `?commit=` of the import: `false` (the default) only checks the file. */
export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'commit must be true or false.' })
  commit?: 'true' | 'false';
}

export class ImportColumnDto {
  @ApiProperty({ enum: FEEDBACK_CSV_FIELDS })
  @IsIn(FEEDBACK_CSV_FIELDS, {
    message: `field must be one of: ${FEEDBACK_CSV_FIELDS.join(', ')}.`,
  })
  field: FeedbackCsvField;

  @RequiredText('The column’s heading', 200, { oneLine: true })
  header: string;
}

export class ImportColumnsDto {
  @ApiProperty({ type: [ImportColumnDto] })
  @ValidateNested({ each: true })
  @Type(() => ImportColumnDto)
  @IsObject({ each: true, message: 'Each column must be { field, header }.' })
  @ArrayMaxSize(FEEDBACK_CSV_FIELDS.length, { message: 'Choose each field once at most.' })
  @IsArray({ message: 'columns must be a list of { field, header }.' })
  columns: ImportColumnDto[];
}
