import { Injectable, type PipeTransform } from '@nestjs/common';
import { NotFound } from '../../base/errors';

/** `:number` of a version route: a whole number from 1; anything else names no version (404). */
@Injectable()
export class VersionNumberPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,5}$/.test(value)) throw new NotFound('that version');
    return Number(value);
  }
}
