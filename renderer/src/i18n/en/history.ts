/** English strings: prompt history. Every key must also exist in ../ko/history.ts (enforced by its type and a test). */
export const history = {
  'history.open': 'History',
  'history.open.hint': 'Prompts you sent, with their settings, newest first',
  'history.title': 'Prompt history',
  'history.search': 'Search prompts',
  'history.loading': 'Loading…',
  'history.failed': 'Could not load the history: {message}',
  'history.empty': 'No prompts yet. Every prompt you send is kept here with its settings.',
  'history.noMatch': 'No prompt matches “{search}”.',
  'history.uses': 'sent {count} times',
  'history.reuse': 'Reuse',
  'history.reuseLabel': 'Reuse “{prompt}” with its settings',
};
