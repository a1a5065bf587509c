import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import type { ExportedFile } from './specification-export.service';

/**
 * Sends a made file as a download: its type, and its name in `Content-Disposition` with
 * an ASCII fallback and the exact name as RFC 5987 `filename*` (Express's `attachment`).
 */
export function sendExportedFile(response: Response, file: ExportedFile): StreamableFile {
  response.attachment(file.fileName);
  response.setHeader('Content-Type', file.contentType);
  return new StreamableFile(file.body, { length: file.body.length });
}
