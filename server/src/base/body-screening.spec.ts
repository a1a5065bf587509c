import { findBodyProblem, MAX_BODY_DEPTH } from './body-screening';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

describe('screening a JSON body before any route reads it', () => {
  it('lets ordinary bodies through, whatever their language or emoji', () => {
    expect(
      findBodyProblem({ title: 'Short breaks 😀 — Żółć, عربى, 日本語', days: 7 }),
    ).toBeUndefined();
    expect(findBodyProblem({ list: ['a', 'b'], flag: true, none: null })).toBeUndefined();
    expect(findBodyProblem({ note: 'line one\nline two\ttabbed\r\n' })).toBeUndefined();
    expect(findBodyProblem(undefined)).toBeUndefined();
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a "%s" key, even nested', (key) => {
    const top = JSON.parse(`{"title":"a","${key}":{"admin":true}}`) as unknown;
    expect(findBodyProblem(top)).toBe(`"${key}" is not a field this request accepts; remove it.`);
    const deep = JSON.parse(`{"list":[{"${key}":1}]}`) as unknown;
    expect(findBodyProblem(deep)).toBe(
      `"list.0.${key}" is not a field this request accepts; remove it.`,
    );
  });

  it.each([
    ['a NUL', 'a\u0000b'],
    ['an escape character', 'a\u001bb'],
    ['a C1 control', 'a\u0085b'],
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
    ['surrogates in the wrong order', '\udc00\ud800'],
  ])('refuses text with %s, naming the field', (_, text) => {
    expect(findBodyProblem({ name: text })).toMatch(
      /^"name" contains characters that are not text/,
    );
    expect(findBodyProblem({ [text]: 'x' })).toMatch(/field name contains characters/);
  });

  it('refuses nesting past the limit without overflowing the stack', () => {
    expect(findBodyProblem(nested(MAX_BODY_DEPTH))).toBeUndefined();
    expect(findBodyProblem(nested(MAX_BODY_DEPTH + 1))).toMatch(/nested too deeply/);
    expect(findBodyProblem(nested(200_000))).toMatch(/nested too deeply/);
  });
});
