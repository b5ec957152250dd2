import { useEffect, useRef } from 'react';

/** One key a page answers to, with the words the `?` list shows for it. */
export interface Shortcut {
  /** `KeyboardEvent.key` ("j", "Enter", "?"); a chord such as "Ctrl+Enter" is only listed, never matched here. */
  key: string;
  label: string;
  run: () => void;
}

/** Inputs that take no text: a key pressed on a chosen radio or a checkbox is meant for the page. */
const CHOICE_INPUTS = ['radio', 'checkbox'];

/** Typing in a field (a search, a reply) must never fire a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement && CHOICE_INPUTS.includes(target.type)) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.getAttribute('role') === 'combobox';
}

/** Whether a key press is meant for the page: no field focused, no dialog open, no Ctrl/Alt/Meta. */
export function isPageKey(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || event.isComposing) return false;
  if (isTyping(event.target)) return false;
  return document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal') === null;
}

/** Listens for the page's shortcuts while it is shown; the latest handlers run, no re-subscribing. */
export function useShortcuts(shortcuts: Shortcut[]): void {
  const current = useRef(shortcuts);
  current.current = shortcuts;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!isPageKey(event)) return;
      const shortcut = current.current.find((candidate) => candidate.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
