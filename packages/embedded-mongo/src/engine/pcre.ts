import { setOwnField } from './own-fields';
import { BSONRegExp, type Document } from 'bson';
import { CommandError } from '../commands/command-error';
import { TypeRank, typeRank } from './bson-order';

/**
 * MongoDB's regular expressions are PCRE; JavaScript's differ in a few ways
 * clients rely on: leading inline flags like `(?i)`, and the `x` (extended)
 * option that ignores whitespace and `#` comments. Both are translated here;
 * a pattern JavaScript cannot compile is refused as mongod refuses it.
 */

const ALLOWED_OPTIONS = 'imsxu';

/** Removes unescaped whitespace and `#` comments outside character classes (PCRE's extended mode). */
function stripExtended(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}

export function pcreToRegExp(pattern: string, options = ''): RegExp {
  let source = pattern;
  let flags = options;
  const inline = /^\(\?([a-zA-Z]+)\)/.exec(source);
  if (inline) {
    flags += inline[1];
    source = source.slice(inline[0].length);
  }
  for (const flag of flags) {
    if (!ALLOWED_OPTIONS.includes(flag)) {
      throw new CommandError('Location51108', `invalid flag in regex options: ${flag}`);
    }
  }
  if (flags.includes('x')) source = stripExtended(source);
  const jsFlags = [...new Set(flags)].filter((flag) => 'ims'.includes(flag)).join('');
  try {
    return new RegExp(source, jsFlags);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'cannot be compiled';
    throw new CommandError('Location51091', `Regular expression is invalid: ${reason}`);
  }
}

function fromBsonRegExp(value: BSONRegExp, extraOptions = ''): RegExp {
  return pcreToRegExp(value.pattern, value.options + extraOptions);
}

/** A regular expression from the wire: translated when valid, kept as BSON (data round-trips) when not. */
export function regExpFromWire(value: BSONRegExp): RegExp | BSONRegExp {
  try {
    return fromBsonRegExp(value);
  } catch {
    return value;
  }
}

/** A filter with every `$regex`/`$options` pair and BSON regex turned into a JavaScript RegExp (throws 51091/51108). */
export function translateRegexes<T>(value: T): T {
  if (value instanceof BSONRegExp) return fromBsonRegExp(value) as T;
  if (Array.isArray(value)) return value.map((item) => translateRegexes(item)) as T;
  if (value === null || typeof value !== 'object' || typeRank(value) !== TypeRank.object)
    return value;
  const source = value as Document;
  const out: Document = {};
  for (const [key, field] of Object.entries(source)) {
    if (key === '$options' && '$regex' in source) continue;
    setOwnField(out, key, translateRegexes(field));
  }
  if ('$regex' in source) {
    const regex = source.$regex;
    const options = typeof source.$options === 'string' ? source.$options : '';
    if (typeof regex === 'string') out.$regex = pcreToRegExp(regex, options);
    else if (regex instanceof BSONRegExp) out.$regex = fromBsonRegExp(regex, options);
    else if (regex instanceof RegExp && options)
      out.$regex = pcreToRegExp(regex.source, regex.flags + options);
    else if (!(regex instanceof RegExp))
      throw new CommandError('BadValue', '$regex has to be a string');
  }
  return out as T;
}
