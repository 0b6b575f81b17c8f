/** English strings. Every key here must exist in ko.ts too (the type there enforces it). */
export const en = {
  'app.title': 'Keyframe',
  'app.tagline': 'Veo 3.1 video studio',

  'connection.connecting': 'Connecting to Keyframe…',
  'connection.lost': 'Lost the connection to Keyframe. Reconnecting…',
  'connection.gone': 'Keyframe is not answering. If the host was restarted, open the new address it printed.',
  'connection.noToken': 'Open Keyframe with the full address printed in the terminal: it ends with #token=…',

  'notice.demo': 'Demo mode: jobs run on the built-in demo provider. No key is needed and nothing is charged.',
  'notice.noKey': 'No APIMart key is set and demo mode is off, so jobs cannot run yet.',
  'notice.useDemo': 'Use demo mode',
  'notice.plainKey': 'Your APIMart key is kept in a plain owner-only file on this machine (browser host), not in an OS keychain.',
  'notice.dismiss': 'Dismiss',

  'compose.title': 'New video',
  'compose.label': 'Prompt',
  'compose.placeholder': 'Describe the video: subject, setting, camera movement, light, mood…',
  'compose.generate': 'Generate',
  'compose.submitting': 'Queuing…',
  'compose.shortcut': '{keys} to generate',
  'compose.empty': 'Write a prompt first: describe the video you want.',
  'compose.queued': 'Queued. Follow it in the queue.',
  'compose.defaults': '8 s · 16:9 · 720p · Veo 3.1 Fast',

  'queue.title': 'Queue',
  'queue.empty': 'No jobs yet. Write a prompt and press Generate.',
  'queue.loadFailed': 'Could not load the queue: {message}',
  'queue.progress': '{percent}%',
  'queue.meta': '{duration} s · {aspect} · {resolution}',
  'queue.demo': 'demo',

  'state.queued': 'Queued',
  'state.uploading': 'Uploading frames',
  'state.submitting': 'Submitting',
  'state.generating': 'Generating',
  'state.downloading': 'Downloading',
  'state.done': 'Done',
  'state.failed': 'Failed',
  'state.expired': 'Expired',
  'state.needs_attention': 'Needs attention',
  'state.stopped': 'Stopped',

  'library.title': 'Recent videos',
  'library.empty': 'Finished videos appear here.',
  'library.missing': 'The video file is missing from the output folder.',
} as const;

export type MessageKey = keyof typeof en;
