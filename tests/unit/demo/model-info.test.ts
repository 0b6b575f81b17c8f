import { describe, expect, it } from 'vitest';
import { AUTH, json, useFakes } from './helpers.js';

const start = useFakes();
const MODELS = ['veo3.1-fast-official', 'veo3.1-quality-official'] as const;

const get = (apiUrl: string, path: string) => fetch(`${apiUrl}${path}`, { headers: AUTH });

describe('fake APIMart: GET /v1/model-schema', () => {
  it.each(MODELS)('describes %s as a bare object: video_generation, a JSON Schema of the Veo fields, endpoint and contract', async (model) => {
    const fake = await start();
    const res = await get(fake.apiUrl, `/v1/model-schema?model=${model}&operation=video_generation`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.code).toBeUndefined();
    expect(body).toMatchObject({
      model,
      operation: 'video_generation',
      endpoint: '/v1/videos/generations',
      schema_version: expect.any(String),
      idempotency: expect.objectContaining({ header: 'Idempotency-Key' }),
      response_contract: expect.objectContaining({ version: '2026-07-27' }),
    });
    const schema = body.input_schema as { type: string; required: string[]; properties: Record<string, { type: string; enum?: unknown[]; maximum?: number; const?: unknown }> };
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(['prompt']);
    // The request fields as the contract lists them; `model` travels beside the input, not in it.
    expect(Object.keys(schema.properties).sort()).toEqual(
      [
        'aspect_ratio',
        'duration',
        'enhance_prompt',
        'first_frame_image',
        'generate_audio',
        'last_frame_image',
        'negative_prompt',
        'person_generation',
        'prompt',
        'resize_mode',
        'resolution',
        'sample_count',
        'seed',
      ].sort(),
    );
    expect(schema.properties.duration).toMatchObject({ type: 'integer', enum: [4, 6, 8] });
    expect(schema.properties.seed).toMatchObject({ type: 'integer', maximum: 4_294_967_295 });
    expect(schema.properties.enhance_prompt).toMatchObject({ const: true });
  });

  it('an unknown model, or one the key may not use, is 404 with the error envelope: model_not_found', async () => {
    const fake = await start({ models: ['veo3.1-fast-official'] });
    for (const model of ['sora-2', 'veo3.1-quality-official']) {
      const res = await get(fake.apiUrl, `/v1/model-schema?model=${model}&operation=video_generation`);
      expect(res.status).toBe(404);
      expect((await json(res)).error).toMatchObject({ code: 'model_not_found', type: 'invalid_request_error', message: `model not found: ${model}` });
    }
  });

  it('without a model it is a 400', async () => {
    const fake = await start();
    expect((await get(fake.apiUrl, '/v1/model-schema?operation=video_generation')).status).toBe(400);
  });

  it('GET /v1/models lists only the models the key may use, and setModels changes them', async () => {
    const fake = await start({ models: ['veo3.1-fast-official'] });
    const ids = async () => ((await json(await get(fake.apiUrl, '/v1/models'))).data as { id: string }[]).map((m) => m.id);
    expect(await ids()).toEqual(['veo3.1-fast-official']);
    fake.setModels([]);
    expect(await ids()).toEqual([]);
  });
});

describe('fake APIMart: GET /v1/model-docs', () => {
  it.each(MODELS)('documents %s as a bare model.documentation object, fresh for a week', async (model) => {
    const fake = await start();
    const res = await get(fake.apiUrl, `/v1/model-docs?model=${model}`);
    expect(res.status).toBe(200);
    const docs = await json(res);
    expect(docs).toMatchObject({ object: 'model.documentation', model, cache_ttl_seconds: 604_800, stale: false });
    for (const field of ['doc_url', 'markdown_url', 'markdown'] as const) expect(String(docs[field]).trim().length).toBeGreaterThan(0);
    expect(Number.isSafeInteger(docs.fetched_at) && (docs.fetched_at as number) > 0).toBe(true);
    expect(docs.markdown).toContain('`seed`');
    // Its links lead somewhere real: the demo's own docs route.
    expect((await fetch(String(docs.markdown_url), { headers: AUTH })).status).toBe(200);
  });

  it('an unknown model is 404 model_not_found', async () => {
    const fake = await start();
    const res = await get(fake.apiUrl, '/v1/model-docs?model=veo2');
    expect(res.status).toBe(404);
    expect((await json(res)).error).toMatchObject({ code: 'model_not_found' });
  });
});
