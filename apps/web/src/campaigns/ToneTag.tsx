import { Tag } from 'antd';
import type { ReactNode } from 'react';

const TONES = {
  warning: { color: '#9e5f00', background: '#fffbe6', borderColor: '#e8c27a' },
  success: { color: '#237804', background: '#f6ffed', borderColor: '#95de64' },
} as const;

/**
 * A warning or success tag that stays readable: antd derives those tags' backgrounds from the theme's
 * darkened colours as greys on which the text reads at 2.7–3.6:1; pale backgrounds give 5:1 and more.
 */
export function ToneTag({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  return <Tag style={TONES[tone]}>{children}</Tag>;
}
