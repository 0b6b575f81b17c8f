import type { Settings } from '../../shared/ipc/views.js';

/**
 * Demo mode follows the key unless the person chose otherwise after it was saved.
 *
 * A key pasted in Settings means "run my jobs on APIMart": a demo mode left on
 * from before the key would quietly keep producing sample videos. So saving or
 * removing a key resets the choice, and only a choice made afterwards (the
 * header's switch, the settings) is kept, across restarts too. The stored
 * `demoMode` is always the mode in force: everything that picks a provider
 * reads it, and the rules below keep it so.
 */

/** A choice the person made: kept until the key changes. */
export function chosenDemo(demoMode: boolean): Pick<Settings, 'demoMode' | 'demoChosen'> {
  return { demoMode, demoChosen: true };
}

/** What a saved (`hasKey`) or removed key makes of demo mode: live with a key, demo without. */
export function demoFollowingKey(hasKey: boolean): Pick<Settings, 'demoMode' | 'demoChosen'> {
  return { demoMode: !hasKey, demoChosen: false };
}

/**
 * Settings as read from a file at start. Without a recorded choice the stored
 * `demoMode` may be a default an older version wrote before any key existed,
 * so the key found at start decides, as it does for a first run: `defaults`
 * are the first-run settings (default-settings.ts), made knowing that key.
 */
export function settleDemoMode(stored: Settings, defaults: Settings): Settings {
  if (stored.demoChosen === true) return stored;
  return { ...stored, demoMode: defaults.demoMode, demoChosen: false };
}
