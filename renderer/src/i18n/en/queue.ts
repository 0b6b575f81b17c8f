/** English strings: queue. Every key must also exist in ../ko/queue.ts (enforced by its type and a test). */
export const queue = {
  'queue.title': 'Queue',
  'queue.empty': 'No jobs yet. Write a prompt and press Generate.',
  'queue.loadFailed': 'Could not load the queue: {message}',
  'queue.progress': '{percent}%',
  'queue.meta': '{duration} s · {aspect} · {resolution}',
  'queue.demo': 'demo',
};
