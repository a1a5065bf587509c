import { valueText } from './value-text';
import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { compareValues, toNumber, typeRank, TypeRank } from './bson-order';

/**
 * MongoDB's `$jsonSchema` (draft 4 with `bsonType`), the keywords mongod
 * supports, for collection validators. A schema is checked once when the
 * validator is set, so a bad one fails `create`/`collMod`, not later writes.
 */
type Check = (value: unknown) => boolean;

const BSON_TYPES: Record<string, (value: unknown) => boolean> = {
  double: (v) => typeof v === 'number' || (v as { _bsontype?: string })?._bsontype === 'Double',
  string: (v) => typeof v === 'string',
  object: (v) => typeRank(v) === TypeRank.object && v !== null && typeof v === 'object',
  array: Array.isArray,
  binData: (v) => typeRank(v) === TypeRank.binary,
  objectId: (v) => typeRank(v) === TypeRank.objectId,
  bool: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => typeRank(v) === TypeRank.regex,
  int: (v) =>
    (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 0x7fffffff) ||
    (v as { _bsontype?: string })?._bsontype === 'Int32',
  long: (v) =>
    (typeof v === 'number' && Number.isInteger(v)) ||
    (v as { _bsontype?: string })?._bsontype === 'Long',
  decimal: (v) => (v as { _bsontype?: string })?._bsontype === 'Decimal128',
  timestamp: (v) => typeRank(v) === TypeRank.timestamp,
  number: (v) => typeRank(v) === TypeRank.number,
  minKey: (v) => typeRank(v) === TypeRank.minKey,
  maxKey: (v) => typeRank(v) === TypeRank.maxKey,
};

/** JSON Schema `type` names, as mongod maps them onto BSON types. */
const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  object: BSON_TYPES.object,
  array: BSON_TYPES.array,
  number: BSON_TYPES.number,
  boolean: BSON_TYPES.bool,
  string: BSON_TYPES.string,
  null: BSON_TYPES.null,
};

function invalid(message: string): CommandError {
  return new CommandError('FailedToParse', `$jsonSchema ${message}`);
}

function typeCheck(names: unknown, table: Record<string, Check>, keyword: string): Check {
  const list = Array.isArray(names) ? names : [names];
  const checks = list.map((name) => {
    const check = typeof name === 'string' ? table[name] : undefined;
    if (!check) throw invalid(`keyword '${keyword}' has unknown type ${valueText(name)}`);
    return check;
  });
  return (value) => checks.some((check) => check(value));
}

function numberOf(schema: Document, keyword: string): number {
  const value = schema[keyword];
  if (typeRank(value) !== TypeRank.number) throw invalid(`keyword '${keyword}' must be a number`);
  return toNumber(value);
}

const length = (value: string) => [...value].length;
const isObject = (value: unknown): value is Document => BSON_TYPES.object(value);

/** Compiles a schema into a predicate over one value. */
export function compileJsonSchema(schema: unknown): Check {
  if (!isObject(schema)) throw invalid('must be an object');
  const checks: Check[] = [];
  for (const keyword of Object.keys(schema)) {
    switch (keyword) {
      case 'bsonType': {
        const check = typeCheck(schema.bsonType, BSON_TYPES, keyword);
        checks.push(check);
        break;
      }
      case 'type': {
        const check = typeCheck(schema.type, JSON_TYPES, keyword);
        checks.push(check);
        break;
      }
      case 'required': {
        const fields = schema.required;
        if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string')) {
          throw invalid("keyword 'required' must be an array of strings");
        }
        checks.push(
          (value) => !isObject(value) || fields.every((field) => value[field] !== undefined),
        );
        break;
      }
      case 'properties': {
        if (!isObject(schema.properties)) throw invalid("keyword 'properties' must be an object");
        const properties = Object.entries(schema.properties).map(
          ([name, sub]) => [name, compileJsonSchema(sub)] as const,
        );
        checks.push(
          (value) =>
            !isObject(value) ||
            properties.every(([name, check]) => value[name] === undefined || check(value[name])),
        );
        break;
      }
      case 'additionalProperties': {
        const extra = schema.additionalProperties;
        const allowed = new Set(Object.keys(isObject(schema.properties) ? schema.properties : {}));
        const check = typeof extra === 'boolean' ? () => extra : compileJsonSchema(extra);
        checks.push(
          (value) =>
            !isObject(value) ||
            Object.entries(value).every(([name, field]) => allowed.has(name) || check(field)),
        );
        break;
      }
      case 'enum': {
        const options = schema.enum;
        if (!Array.isArray(options) || options.length === 0)
          throw invalid("keyword 'enum' must be a non-empty array");
        checks.push((value) => options.some((option) => compareValues(option, value) === 0));
        break;
      }
      case 'minimum':
      case 'maximum': {
        const bound = numberOf(schema, keyword);
        const exclusive =
          schema[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true;
        const sign = keyword === 'minimum' ? 1 : -1;
        checks.push((value) => {
          if (typeRank(value) !== TypeRank.number) return true;
          const difference = (toNumber(value) - bound) * sign;
          return exclusive ? difference > 0 : difference >= 0;
        });
        break;
      }
      case 'minLength':
      case 'maxLength': {
        const bound = numberOf(schema, keyword);
        checks.push(
          (value) =>
            typeof value !== 'string' ||
            (keyword === 'minLength' ? length(value) >= bound : length(value) <= bound),
        );
        break;
      }
      case 'pattern': {
        if (typeof schema.pattern !== 'string') throw invalid("keyword 'pattern' must be a string");
        let pattern: RegExp;
        try {
          pattern = new RegExp(schema.pattern, 'u');
        } catch {
          throw invalid(`keyword 'pattern' is not a valid regular expression`);
        }
        checks.push((value) => typeof value !== 'string' || pattern.test(value));
        break;
      }
      case 'items': {
        const items = schema.items;
        if (Array.isArray(items)) {
          const positional = items.map(compileJsonSchema);
          checks.push(
            (value) =>
              !Array.isArray(value) ||
              positional.every((check, i) => i >= value.length || check(value[i])),
          );
        } else {
          const check = compileJsonSchema(items);
          checks.push((value) => !Array.isArray(value) || value.every(check));
        }
        break;
      }
      case 'minItems':
      case 'maxItems': {
        const bound = numberOf(schema, keyword);
        checks.push(
          (value) =>
            !Array.isArray(value) ||
            (keyword === 'minItems' ? value.length >= bound : value.length <= bound),
        );
        break;
      }
      case 'uniqueItems': {
        if (schema.uniqueItems === true) {
          checks.push(
            (value) =>
              !Array.isArray(value) ||
              value.every(
                (item, i) => value.findIndex((other) => compareValues(other, item) === 0) === i,
              ),
          );
        }
        break;
      }
      case 'minProperties':
      case 'maxProperties': {
        const bound = numberOf(schema, keyword);
        checks.push((value) => {
          if (!isObject(value)) return true;
          const count = Object.keys(value).length;
          return keyword === 'minProperties' ? count >= bound : count <= bound;
        });
        break;
      }
      case 'allOf':
      case 'anyOf':
      case 'oneOf': {
        const list = schema[keyword];
        if (!Array.isArray(list) || list.length === 0)
          throw invalid(`keyword '${keyword}' must be a non-empty array`);
        const subs = list.map(compileJsonSchema);
        if (keyword === 'allOf') checks.push((value) => subs.every((check) => check(value)));
        else if (keyword === 'anyOf') checks.push((value) => subs.some((check) => check(value)));
        else checks.push((value) => subs.filter((check) => check(value)).length === 1);
        break;
      }
      case 'not': {
        const sub = compileJsonSchema(schema.not);
        checks.push((value) => !sub(value));
        break;
      }
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'title':
      case 'description':
        break;
      default:
        throw invalid(`keyword '${keyword}' is not currently supported`);
    }
  }
  return (value) => checks.every((check) => check(value));
}
