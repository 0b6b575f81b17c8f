/**
 * English strings: where the library's videos come from — its folders (Settings) and videos
 * without a Keyframe record. Every key must also exist in ../ko/library-sources.ts.
 */
export const librarySources = {
  'settings.folders.title': 'Library folders',
  'settings.folders.hint': 'The library lists the videos in these folders and notices new, changed and deleted files by itself. Removing a folder leaves its files where they are.',
  'settings.folders.output': 'Output folder',
  'settings.folders.remove': 'Remove',
  'settings.folders.removeLabel': 'Remove {folder} from the library',
  'settings.folders.choose': 'Add folder…',
  'settings.folders.path': 'Folder to add',
  'settings.folders.add': 'Add folder',
  'settings.folders.typedHint': 'Type the full path of a folder, then Add folder.',
  'settings.folders.state.starting': 'starting…',
  'settings.folders.state.watching': 'watched',
  'settings.folders.state.polling': 'polled for changes (network folder)',
  'settings.folders.state.waiting': 'not created yet',
  'settings.folders.state.unavailable': 'unavailable: retrying',
  'library.bare.noRecord': 'No Keyframe record beside this file: shown from what the file itself says.',
  'library.bare.embedded': 'Made with Keyframe (read from the file)',
  'library.bare.container': 'Container',
  'library.bare.picture': 'Picture',
  'library.bare.frameRate': 'Frame rate',
  'library.bare.fps': '{n} fps',
  'library.bare.codecs': 'Codecs',
  'library.bare.noAudio': 'no audio',
  'library.bare.noFavorite': 'Favorites and tags need a Keyframe record beside the file.',
};
