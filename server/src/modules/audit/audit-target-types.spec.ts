import { AUDIT_TARGET_TYPES } from '@coproduce/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MODULES = join(__dirname, '..');

/** Every kind of target the server's code records, read from `target: { type: '…' }`. */
function recordedTargetTypes(): Set<string> {
  const found = new Set<string>();
  for (const name of readdirSync(MODULES, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts') || name.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(MODULES, name), 'utf8');
    for (const match of source.matchAll(/target: \{\s*type: '([a-z-]+)'/g)) found.add(match[1]!);
    for (const match of source.matchAll(/targetType: '([a-z-]+)'/g)) found.add(match[1]!);
  }
  return found;
}

describe('the audit log can be filtered by every kind of thing it records', () => {
  it('finds the kinds recorded', () => {
    expect([...recordedTargetTypes()]).toEqual(
      expect.arrayContaining(['member', 'specification', 'user', 'workspace']),
    );
  });

  it('lists each of them in AUDIT_TARGET_TYPES', () => {
    const listed = new Set<string>(AUDIT_TARGET_TYPES);
    expect([...recordedTargetTypes()].filter((type) => !listed.has(type))).toEqual([]);
  });
});
