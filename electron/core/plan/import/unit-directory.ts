// One canonical name per unit, with every other name the documents use for it, so that 市卫健局 and
// 市卫生健康局 are one unit. Names not in the directory become new units of the draft, and are reported.

export type UnitKind = 'unit' | 'group';

export interface UnitEntry {
  name: string;
  aliases: string[];
  kind: UnitKind;
}

/** Collective names ("各乡镇街道", "市安委会相关成员单位") stand for many units, not one. */
export function guessKind(name: string): UnitKind {
  return /^各|相关|有关|成员单位|部门$|单位$/.test(name) ? 'group' : 'unit';
}

const UNIT_SHAPE = /^(市|州|县|区|省|国网|[\u4e00-\u9fff]{2,4}(新区|高新区|经开区))[\u4e00-\u9fff（）()]{0,16}(局|办|委|委员会|中心|院|会|队|大队|部|室|处|所|馆|站|社|联|团|公司|管委会|政府)$/;

export function looksLikeUnit(name: string): boolean {
  return name.length >= 3 && name.length <= 24 && UNIT_SHAPE.test(name);
}

export class UnitDirectory {
  private readonly byName = new Map<string, UnitEntry>();
  readonly added: string[] = [];

  constructor(entries: readonly UnitEntry[]) {
    for (const e of entries) this.put({ ...e, aliases: [...e.aliases] });
  }

  private put(e: UnitEntry): void {
    for (const n of [e.name, ...e.aliases]) {
      const other = this.byName.get(n);
      if (other && other !== e) throw new Error(`unit name "${n}" belongs to both ${other.name} and ${e.name}`);
      this.byName.set(n, e);
    }
  }

  /** The canonical name for any name of a unit; unknown names are added as new units. */
  resolve(name: string): string {
    const known = this.byName.get(name);
    if (known) return known.name;
    const e: UnitEntry = { name, aliases: [], kind: guessKind(name) };
    this.put(e);
    this.added.push(name);
    return name;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** Known, or shaped like a government unit's name ("市数据局", "云江高新区管委会"). */
  isUnitName(name: string): boolean {
    return this.has(name) || looksLikeUnit(name);
  }

  entries(): UnitEntry[] {
    return [...new Set(this.byName.values())];
  }
}
