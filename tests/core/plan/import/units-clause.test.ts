import { describe, expect, it } from 'vitest';
import { parseUnitsClause } from '../../../../electron/core/plan/import/units-clause';

describe('parseUnitsClause', () => {
  it('splits lead units before 牵头 from cooperating units after it', () => {
    expect(parseUnitsClause('……销售。（市商务局牵头，市发改局、市交通运输局等按职责分工负责）')).toMatchObject({
      leadUnits: ['市商务局'],
      coUnits: ['市发改局', '市交通运输局'],
    });
  });

  it('reads several lead units and a 牵头负责 clause without cooperating units', () => {
    expect(parseUnitsClause('……（市发改局、市商务局、市交通运输局牵头负责）')).toMatchObject({
      leadUnits: ['市发改局', '市商务局', '市交通运输局'],
      coUnits: [],
    });
  });

  it('accepts the enumeration comma after 牵头 the document sometimes uses', () => {
    expect(parseUnitsClause('……（市发改局牵头、吉首经开区、市教体局等按职责分工负责）')?.coUnits).toEqual(['吉首经开区', '市教体局']);
  });

  it('returns null for text without a units clause', () => {
    expect(parseUnitsClause('推动文化旅游产业高质量发展。')).toBeNull();
  });
});
