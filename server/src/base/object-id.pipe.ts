import { Injectable, PipeTransform } from '@nestjs/common';
import { Types } from 'mongoose';
import { NotFound } from './errors';

/**
 * Route ids are 24-hex ObjectIds. Anything else cannot name a record, so it
 * is a 404 like any other unknown id — never a cast error.
 */
@Injectable()
export class ObjectIdPipe implements PipeTransform<unknown, Types.ObjectId> {
  constructor(private readonly what: string) {}

  transform(value: unknown): Types.ObjectId {
    const id = parseObjectId(value);
    if (!id) throw new NotFound(this.what);
    return id;
  }
}

export function parseObjectId(value: unknown): Types.ObjectId | undefined {
  if (typeof value !== 'string' || !/^[0-9a-f]{24}$/i.test(value)) return undefined;
  return new Types.ObjectId(value);
}
