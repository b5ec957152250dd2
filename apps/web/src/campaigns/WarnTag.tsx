import { Tag } from 'antd';
import type { ReactNode } from 'react';

/**
 * A warning tag that stays readable: antd derives the warning tag's background from the theme's dark
 * amber (#9e5f00) as a grey-beige on which that amber reads at 3.6:1; this pale yellow gives 5:1.
 */
export function WarnTag({ children }: { children: ReactNode }) {
  return <Tag style={{ color: '#9e5f00', background: '#fffbe6', borderColor: '#e8c27a' }}>{children}</Tag>;
}
