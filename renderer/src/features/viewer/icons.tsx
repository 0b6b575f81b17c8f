/** The viewer's icons: 16 px, drawn in the text colour, hidden from screen readers (the buttons carry the words). */

const paths = {
  play: 'M4 2.5v11l9-5.5z',
  pause: 'M4 2.5h3v11H4zM9 2.5h3v11H9z',
  back: 'M3 3h2v10H3zM13 3v10L6 8z',
  forward: 'M11 3h2v10h-2zM3 3v10l7-5z',
  markIn: 'M5 2h6v2H7v8h4v2H5z',
  markOut: 'M11 2H5v2h4v8H5v2h6z',
  loop: 'M4 5h7V3l3 3-3 3V7H5v2H3V6a1 1 0 0 1 1-1zm8 6H5v2l-3-3 3-3v2h6V7h2v3a1 1 0 0 1-1 1z',
  sound: 'M2 6h3l4-3v10l-4-3H2zM11 5.5a3.5 3.5 0 0 1 0 5l-1-1a2 2 0 0 0 0-3z',
  muted: 'M2 6h3l4-3v10l-4-3H2zM10.5 6l1 -1 1.5 1.5L14.5 5l1 1L14 7.5 15.5 9l-1 1L13 8.5 11.5 10l-1-1L12 7.5z',
  guides: 'M1 3h14v10H1zm1.5 1.5v7h11v-7zM6 5h4v6H6z',
  clear: 'M4 3l4 4 4-4 1 1-4 4 4 4-1 1-4-4-4 4-1-1 4-4-4-4z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="viewer-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
