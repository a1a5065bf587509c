import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

export const REPORT_FORMATS = ['json', 'html', 'csv', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `?format=` of a report: JSON for the app, or a file to keep, print or share. */
export class ReportFormatDto {
  @ApiPropertyOptional({ enum: REPORT_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, html, csv, pdf or docx (Word).' })
  format?: ReportFormat;
}
