import { RESPONSE_VERSION_OBJECT } from './submit.js';
import { FAKE_MODELS, type FakeModel } from './submit-schema.js';

/**
 * GET /v1/model-schema and GET /v1/model-docs (contract §7): bare JSON
 * objects, not wrapped in `{code,data}`. The input schema describes the Veo
 * request fields as the contract lists them, without `model`, which travels
 * beside the input rather than in it.
 */

export const VIDEO_OPERATION = 'video_generation';
export const DOCS_TTL_S = 604_800;

const SEED_MAX = 4_294_967_295;

/** A JSON Schema (draft 2020-12) of the generation input, field by field from the contract. */
const VEO_INPUT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['prompt'],
  properties: {
    prompt: { type: 'string', minLength: 1, description: 'What the video shows; English recommended.' },
    negative_prompt: { type: 'string', description: 'What to avoid.' },
    duration: { type: 'integer', enum: [4, 6, 8], default: 8, description: 'Seconds; a JSON number (a quoted "8" is an error).' },
    aspect_ratio: { type: 'string', enum: ['16:9', '9:16'], default: '16:9' },
    resolution: { type: 'string', enum: ['720p', '1080p', '4K'], default: '720p' },
    first_frame_image: { type: 'string', format: 'uri', description: 'Public http(s) URL; present → image-to-video.' },
    last_frame_image: { type: 'string', format: 'uri', description: 'Public URL; only together with first_frame_image.' },
    seed: { type: 'integer', minimum: 0, maximum: SEED_MAX },
    sample_count: { type: 'integer', minimum: 1, maximum: 4, default: 1 },
    generate_audio: { type: 'boolean', default: false },
    person_generation: { type: 'string', enum: ['allow_adult', 'disallow'], default: 'allow_adult' },
    resize_mode: { type: 'string', enum: ['pad', 'crop'], default: 'pad', description: 'Image-to-video only.' },
    enhance_prompt: { type: 'boolean', const: true, description: 'May only be true; omit it otherwise.' },
  },
  dependentRequired: { last_frame_image: ['first_frame_image'], resize_mode: ['first_frame_image'] },
} as const;

export function isFakeModel(model: string): model is FakeModel {
  return (FAKE_MODELS as readonly string[]).includes(model);
}

/** The schema reply for a model the key may use (whatever operation was asked: a client compares). */
export function modelSchema(model: FakeModel): Record<string, unknown> {
  return {
    model,
    operation: VIDEO_OPERATION,
    input_schema: VEO_INPUT_SCHEMA,
    endpoint: '/v1/videos/generations',
    schema_version: '2026-07-27',
    idempotency: { header: 'Idempotency-Key', required: true, retention_seconds: 86_400, scope: 'api_key+endpoint' },
    response_contract: { header: 'X-APIMart-Response-Version', version: RESPONSE_VERSION_OBJECT, objects: ['generation.task', 'generation.result'] },
  };
}

const TITLES: Record<FakeModel, string> = {
  'veo3.1-fast-official': 'Veo 3.1 Fast (official)',
  'veo3.1-quality-official': 'Veo 3.1 Quality (official)',
};

/** The docs reply: the model's documentation as Markdown, fetched "now" and never stale; its links point at itself. */
export function modelDocs(model: FakeModel, nowMs: number, apiUrl: string): Record<string, unknown> {
  const fields = Object.entries(VEO_INPUT_SCHEMA.properties)
    .map(([name, rule]) => `| \`${name}\` | ${rule.type} | ${'description' in rule ? rule.description : ''} |`)
    .join('\n');
  const markdown = [
    `# ${TITLES[model]}`,
    '',
    'Demo provider documentation: no key needed, nothing charged. Videos are short test clips.',
    '',
    'POST /v1/videos/generations with `model` and the fields below.',
    '',
    '| field | type | notes |',
    '|---|---|---|',
    fields,
    '',
  ].join('\n');
  return {
    object: 'model.documentation',
    model,
    doc_url: `${apiUrl}/v1/model-docs?model=${encodeURIComponent(model)}`,
    markdown_url: `${apiUrl}/v1/model-docs?model=${encodeURIComponent(model)}`,
    markdown,
    fetched_at: Math.floor(nowMs / 1000),
    cache_ttl_seconds: DOCS_TTL_S,
    stale: false,
  };
}
