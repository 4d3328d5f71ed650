import { Tag } from 'antd';
import type { Light } from '../../../shared/workflow';

// Every light carries its word and a shape, for colour-blind users and black-and-white printing.
export const LIGHT: Record<Light, { word: string; color: string; mark: string }> = {
  green: { word: '正常', color: 'green', mark: '●' },
  blue: { word: '临近', color: 'blue', mark: '◆' },
  yellow: { word: '预警', color: 'gold', mark: '▲' },
  red: { word: '逾期', color: 'red', mark: '■' },
  done: { word: '已销号', color: 'default', mark: '✓' },
};

export function LightTag({ light }: { light: Light }) {
  const l = LIGHT[light];
  return (
    <Tag color={l.color} data-light={light}>
      {l.mark} {l.word}
    </Tag>
  );
}
