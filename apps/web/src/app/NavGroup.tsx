import { Button } from 'antd';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from 'react-router';

interface Props {
  label: string;
  links: ReadonlyArray<{ to: string; label: string }>;
}

/**
 * Several header links behind one button (the disclosure navigation pattern: a button with
 * aria-expanded and a list of ordinary links), so the bar fits at 1280 px. Tab reaches every link;
 * Escape closes and returns to the button; choosing a link, or leaving the group, closes it too.
 * Plain elements, not antd's Dropdown: the header is in the entry bundle.
 */
export function NavGroup({ label, links }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  const onKeyDown = (event: KeyboardEvent) => {
    // Enter and Space belong to the focused button or link, not to a page's shortcuts on window
    // (the queue opens its selected case on Enter and would cancel the click).
    if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div
      style={{ position: 'relative' }}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <Button ref={button} type="text" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        <span style={{ color: '#fff' }}>
          {label} <span aria-hidden>{open ? '▴' : '▾'}</span>
        </span>
      </Button>
      <ul
        id={id}
        hidden={!open}
        style={{
          position: 'absolute',
          right: 0,
          top: '100%',
          zIndex: 1000,
          margin: 0,
          padding: '4px 0',
          listStyle: 'none',
          minWidth: 140,
          background: '#001529',
          boxShadow: '0 6px 16px rgba(0, 0, 0, 0.2)',
          borderRadius: 6,
          lineHeight: '36px',
        }}
      >
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} style={{ color: '#fff', display: 'block', padding: '0 16px', whiteSpace: 'nowrap' }}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
