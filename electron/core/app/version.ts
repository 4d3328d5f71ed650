import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../paths';

export function appVersion(root: string = findPackageRoot()): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
