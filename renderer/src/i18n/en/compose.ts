/** English strings: compose. Every key must also exist in ../ko/compose.ts (enforced by its type and a test). */
export const compose = {
  'compose.title': 'New video',
  'compose.label': 'Prompt',
  'compose.placeholder': 'Describe the video: subject, setting, camera movement, light, mood…',
  'compose.generate': 'Generate',
  'compose.submitting': 'Queuing…',
  'compose.shortcut': '{keys} to generate',
  'compose.empty': 'Write a prompt first: describe the video you want.',
  'compose.queued': 'Queued. Follow it in the queue.',
  'compose.defaults': '8 s · 16:9 · 720p · Veo 3.1 Fast',
};
