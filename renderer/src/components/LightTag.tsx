import { Tag } from 'antd';
import { lightLabel } from '../../../shared/labels';
import type { Light } from '../../../shared/workflow';

// Every light carries its word and a shape, for colour-blind users and black-and-white printing.
const STYLE: Record<Light, { color: string; mark: string }> = {
  green: { color: 'green', mark: '●' },
  blue: { color: 'blue', mark: '◆' },
  yellow: { color: 'gold', mark: '▲' },
  red: { color: 'red', mark: '■' },
  done: { color: 'default', mark: '✓' },
};

export const LIGHT = Object.fromEntries(Object.entries(STYLE).map(([k, v]) => [k, { ...v, word: lightLabel[k as Light] }])) as Record<
  Light,
  { word: string; color: string; mark: string }
>;

export function LightTag({ light }: { light: Light }) {
  const l = LIGHT[light];
  return (
    <Tag color={l.color} data-light={light}>
      {l.mark} {l.word}
    </Tag>
  );
}
