import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { RequiredText } from '../../../base/text-fields';
import { FEEDBACK_CSV_FIELDS } from './feedback-columns';
import { REACH_CSV_FIELDS } from './reach-columns';

/** `?commit=` of an import: `false` (the default) only checks the file. */
export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'commit must be true or false.' })
  commit?: 'true' | 'false';
}

/**
 * The body that remembers which column holds which field, for one kind of file: the
 * same checks whatever the fields, named apart (`FeedbackImportColumnDto`, …) in the API docs.
 */
function importColumnsBody<F extends string>(kind: string, fields: readonly F[]) {
  class ColumnDto {
    @ApiProperty({ enum: fields })
    @IsIn(fields, { message: `field must be one of: ${fields.join(', ')}.` })
    field: F;

    @RequiredText('The column’s heading', 200, { oneLine: true })
    header: string;
  }
  Object.defineProperty(ColumnDto, 'name', { value: `${kind}ImportColumnDto` });

  class ColumnsDto {
    @ApiProperty({ type: [ColumnDto] })
    @ValidateNested({ each: true })
    @Type(() => ColumnDto)
    @IsObject({ each: true, message: 'Each column must be { field, header }.' })
    @ArrayMaxSize(fields.length, { message: 'Choose each field once at most.' })
    @IsArray({ message: 'columns must be a list of { field, header }.' })
    columns: ColumnDto[];
  }
  return ColumnsDto;
}

export class ImportColumnsDto extends importColumnsBody('Feedback', FEEDBACK_CSV_FIELDS) {}
export class ReachImportColumnsDto extends importColumnsBody('Reach', REACH_CSV_FIELDS) {}
