import { ALL_FORMATS, Conversion, FilePathSource, FilePathTarget, Input, Mp4OutputFormat, Output, type MetadataTags } from 'mediabunny';
import { join } from 'node:path';

/**
 * Real MP4s for the library's tests: the demo fixtures (H.264 + AAC, 24 fps),
 * and copies of them re-muxed with metadata tags written as an MP4 writer
 * would (`ilst` atoms, or QuickTime `mdta` keys), without re-encoding.
 */

export const FIXTURES = join(import.meta.dirname, '..', '..', 'electron', 'core', 'demo', 'fixtures');
export const fixture = (name: string): string => join(FIXTURES, name);
/** Clips in other containers (WebM, MOV): see fixtures/README.md. */
export const otherContainer = (name: string): string => join(import.meta.dirname, 'fixtures', name);

export async function writeTaggedMp4(source: string, target: string, tags: MetadataTags, metadataFormat: 'mdir' | 'mdta' = 'mdir'): Promise<void> {
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  try {
    const output = new Output({ format: new Mp4OutputFormat({ metadataFormat, fastStart: 'in-memory' }), target: new FilePathTarget(target) });
    const conversion = await Conversion.init({ input, output, tags });
    if (!conversion.isValid) throw new Error('the fixture could not be re-muxed');
    await conversion.execute();
  } finally {
    input.dispose();
  }
}
