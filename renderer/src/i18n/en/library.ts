/** English strings: library. Every key must also exist in ../ko/library.ts (enforced by its type and a test). */
export const library = {
  'library.title': 'Recent videos',
  'library.empty': 'Finished videos appear here.',
  'library.missing': 'The video file is missing from the output folder.',
};
