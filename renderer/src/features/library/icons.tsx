/** The library's few icons: 16 px, in the text colour, hidden from screen readers (their buttons carry the words). */

const paths = {
  trash: 'M6 1.5h4l.5 1H14V4H2V2.5h3.5zM3.2 5h9.6l-.7 9a1 1 0 0 1-1 .9H4.9a1 1 0 0 1-1-.9zM6 7v6h1.2V7zm2.8 0v6H10V7z',
  download: 'M7.2 1.5h1.6v7.1l2.6-2.6 1.1 1.1L8 11.6 3.5 7.1 4.6 6l2.6 2.6zM2 12.5h1.5V14h9v-1.5H14V15.5H2z',
  search: 'M6.5 1.5a5 5 0 1 1 0 10a5 5 0 1 1 0-10zm0 1.5a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7zM10.61 9.47l4.24 4.24-1.14 1.14-4.24-4.24z',
  grid: 'M2 2h5v5H2zm7 0h5v5H9zM2 9h5v5H2zm7 0h5v5H9z',
} as const;

export type LibIconName = keyof typeof paths;

export function LibIcon({ name }: { name: LibIconName }) {
  return (
    <svg className="lib-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
