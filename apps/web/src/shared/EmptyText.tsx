import { Typography } from 'antd';

/** A table's "nothing here" in readable grey (antd's default placeholder grey fails WCAG contrast). */
export function EmptyText({ children }: { children: string }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
