import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GenerationRequestSchema } from '../../../shared/domain/generation.js';
import { LibraryQuerySchema } from '../../../shared/domain/library-query.js';
import { ERROR_MESSAGES, fillTemplate } from '../../../shared/error-messages.js';
import { IpcGenerationRequestSchema, SettingsPatchSchema } from '../../../shared/ipc/contract.js';
import { issueMessage, schemaMessage } from '../../../shared/issue-message.js';

/**
 * A zod issue back to its catalog message: what main sends as key + params for
 * a refused request is what the page's own form shows for the same input.
 */

const firstIssue = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error(`expected a refusal of ${JSON.stringify(input)}`);
  const issue = parsed.error.issues[0];
  if (!issue) throw new Error('no issue');
  return issue;
};

const ok = { prompt: 'a paper boat' };

describe('issueMessage over the generation request', () => {
  it.each([
    [{}, 'request.prompt.required', 'prompt'],
    [{ prompt: '   ' }, 'request.prompt.required', 'prompt'],
    [{ prompt: 42 }, 'request.prompt.not_text', 'prompt'],
    [{ prompt: 'x'.repeat(4001) }, 'request.prompt.too_long', 'prompt'],
    [{ ...ok, negative_prompt: 'a\u0001b' }, 'request.negative_prompt.control', 'negative_prompt'],
    [{ ...ok, model: 'veo2' }, 'request.model', 'model'],
    [{ ...ok, duration: '8' }, 'request.duration.text', 'duration'],
    [{ ...ok, duration: 5 }, 'request.duration', 'duration'],
    [{ ...ok, aspect_ratio: '4:3' }, 'request.aspect_ratio', 'aspect_ratio'],
    [{ ...ok, resolution: '8K' }, 'request.resolution', 'resolution'],
    [{ ...ok, seed: -1 }, 'request.seed.range', 'seed'],
    [{ ...ok, seed: 1.5 }, 'request.seed.whole', 'seed'],
    [{ ...ok, sample_count: 9 }, 'request.sample_count.range', 'sample_count'],
    [{ ...ok, generate_audio: 'yes' }, 'request.generate_audio', 'generate_audio'],
    [{ ...ok, enhance_prompt: false }, 'request.enhance_prompt', 'enhance_prompt'],
    [{ ...ok, last_frame_image: { kind: 'url', url: 'https://example.com/a.png' } }, 'request.last_needs_first', 'last_frame_image'],
    [{ ...ok, resize_mode: 'pad' }, 'request.resize_needs_first', 'resize_mode'],
    [{ ...ok, first_frame_image: { kind: 'url', url: 'http://example.com/a.png' } }, 'frame_url.not_https', 'first_frame_image.url'],
  ])('%j → %s on %s', (input, key, field) => {
    const said = issueMessage(firstIssue(GenerationRequestSchema, input));
    expect(said).toMatchObject({ key, field });
    // The English is the template filled in: the same words main's `message` carries.
    expect(said.message).toBe(fillTemplate(ERROR_MESSAGES[said.key], said.params));
  });

  it('a frame URL judged by its parsed host carries the host and the reason as params', () => {
    const said = issueMessage(firstIssue(IpcGenerationRequestSchema, { ...ok, first_frame_image: { kind: 'url', url: 'https://192.168.1.20/f.png' } }));
    expect(said).toEqual({
      key: 'frame_url.not_public',
      params: { host: '192.168.1.20', why: 'private' },
      message: 'Frame URL must point at a public host; 192.168.1.20 is not (private).',
      field: 'first_frame_image.url',
    });
  });

  it('an unknown setting is named as the field, with its name as a param', () => {
    const said = issueMessage(firstIssue(GenerationRequestSchema, { ...ok, fps: 30 }));
    expect(said).toMatchObject({ key: 'schema.unknown_key', params: { name: 'fps' }, field: 'fps' });
  });

  it('an issue no schema worded gets the generic message naming its field', () => {
    const said = issueMessage(firstIssue(z.object({ id: z.string() }), { id: 3 }));
    expect(said).toEqual({ key: 'schema.invalid', params: { field: 'id' }, message: 'The value of id is not valid.', field: 'id' });
    expect(issueMessage(firstIssue(z.string(), 3))).toMatchObject({ key: 'schema.invalid_request' });
  });
});

describe('issueMessage over the settings and other inputs a person types', () => {
  it.each([
    [{ concurrency: 40 }, 'settings.concurrency_invalid', 'concurrency'],
    [{ concurrency: 2.5 }, 'settings.concurrency_invalid', 'concurrency'],
    [{ language: 'fr' }, 'settings.language_invalid', 'language'],
    [{ theme: 'blue' }, 'settings.theme_invalid', 'theme'],
    [{ outputDir: '' }, 'settings.output_dir', 'outputDir'],
    [{ nameTemplate: 'x'.repeat(201) }, 'settings.name_template', 'nameTemplate'],
    [{ demoMode: 'on' }, 'settings.demo_mode', 'demoMode'],
  ])('%j → %s', (input, key, field) => {
    expect(issueMessage(firstIssue(SettingsPatchSchema, input))).toMatchObject({ key, field });
  });

  it('a search text too long for the library query', () => {
    expect(issueMessage(firstIssue(LibraryQuerySchema, { text: 'x'.repeat(501) }))).toMatchObject({ key: 'library.search_too_long', params: { max: 500 }, field: 'text' });
  });

  it('a text registered by one schema is found again by its words alone', () => {
    const text = schemaMessage('tag.too_many', { max: 20 });
    const issue = firstIssue(z.array(z.string()).max(1, text), ['a', 'b']);
    expect(issueMessage(issue)).toMatchObject({ key: 'tag.too_many', params: { max: 20 } });
  });
});
