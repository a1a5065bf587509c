import { StreamableFile } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ExportedFile } from './specification-export.service';

/** Sends a made file as a download: its type, and its name in `Content-Disposition`. */
export function sendExportedFile(response: Response, file: ExportedFile): StreamableFile {
  response.setHeader('Content-Disposition', attachmentNamed(file.fileName));
  response.setHeader('Content-Type', file.contentType);
  return new StreamableFile(file.body, { length: file.body.length });
}

/**
 * `attachment` with the exact name as RFC 6266/5987 `filename*` (what browsers use) and a
 * plain-ASCII `filename` for clients that read only that one.
 */
export function attachmentNamed(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

// Typographic characters people write in titles, as ASCII readers expect them.
const ASCII_FOR: Record<string, string> = {
  '‘': "'",
  '’': "'",
  '“': "'",
  '”': "'",
  '–': '-',
  '—': '-',
  '…': '...',
  '£': 'GBP',
  '€': 'EUR',
};

/** The name in printable ASCII: accents dropped (Zoë → Zoe), the rest left out. */
export function asciiFileName(fileName: string): string {
  const ascii = [...fileName.normalize('NFKD').replace(/\p{M}/gu, '')]
    .map((character) => ASCII_FOR[character] ?? character)
    .join('')
    .replace(/[^\x20-\x7e]|["\\]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (\.\w+)$/, '$1')
    .trim();
  return ascii.startsWith('.') || ascii === '' ? `Specification${ascii}` : ascii;
}

/** RFC 5987's encoding: percent-encoded UTF-8, with the characters it reserves encoded too. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** What an export route answers with, for the API's description. */
export const ApiExportedFile = () =>
  ApiProduces(
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/pdf',
    'text/markdown',
  );
