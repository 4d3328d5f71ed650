import { describe, expect, it } from 'vitest';
import { planShortName } from '../../shared/labels';

describe('planShortName', () => {
  it('names a plan the way people say it', () => {
    expect(planShortName('吉首市打好发展“六仗”总体实施方案')).toBe('打好发展“六仗”');
    expect(planShortName('云江市打好高质量发展“三仗”实施方案')).toBe('打好高质量发展“三仗”');
    expect(planShortName('某某工作方案')).toBe('某某工作方案');
  });
});
