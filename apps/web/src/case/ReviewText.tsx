import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

import { rootCauseLabel, type Locale, type RootCause } from '@chaping/domain';

interface Span {
  start: number;
  end: number;
  label: string;
}

/** The review with triage's evidence marked where it was found; the offsets index the text (then "\n" and the follow-up). */
export function ReviewText({
  text,
  evidence,
  locale,
}: {
  text: string;
  evidence: ReadonlyArray<{ phrase: string; start: number; end: number; rootCause: string }>;
  locale: Locale;
}) {
  const spans: Span[] = evidence
    .filter((item) => item.end <= text.length && text.slice(item.start, item.end) === item.phrase)
    .map((item) => ({ start: item.start, end: item.end, label: rootCauseLabel(item.rootCause as RootCause, locale) }))
    .sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <Tooltip key={span.start} title={span.label}>
        <mark className="evidence">{text.slice(span.start, span.end)}</mark>
      </Tooltip>,
    );
    at = span.end;
  }
  parts.push(text.slice(at));
  return <span style={{ whiteSpace: 'pre-wrap' }}>{parts}</span>;
}
