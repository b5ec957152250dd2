import { useEffect, useRef } from 'react';

/**
 * A Ctrl/Cmd chord that works while typing (the page's one-key shortcuts never fire in a field):
 * `Ctrl+Enter` submits the open composer, `Ctrl+Shift+Enter` records and opens the next case.
 */
export function useChord(chord: { key: string; shift?: boolean }, run: () => void) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.isComposing) return;
      if (event.key !== chord.key || event.shiftKey !== !!chord.shift) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chord.key, chord.shift]);
}
