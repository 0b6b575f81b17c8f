import { MODEL_ALIASES } from '../../../../shared/domain/generation-options.js';
import { useT, type Translate } from '../../i18n';
import type { ParamDifference } from './param-diff';

/** Under a clip: what differs from the others, one short chip each (the full text in its tooltip). */

const NEGATIVE_CHARS = 40;
const cut = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quote = (s: string): string => `“${s}”`;

function modelName(t: Translate, model: string): string {
  const alias = Object.entries(MODEL_ALIASES).find(([, id]) => id === model)?.[0];
  return alias === 'fast' ? t('compose.model.fast') : alias === 'quality' ? t('compose.model.quality') : model;
}

/** 24 and 25 as they are; 29.97 and 23.976 with their decimals. */
const decimals = (x: number): string => (Math.abs(x - Math.round(x)) < 0.0005 ? String(Math.round(x)) : x.toFixed(3).replace(/0+$/, ''));

interface Chip {
  key: string;
  text: string;
  title?: string;
}

function chips(t: Translate, d: ParamDifference): Chip[] {
  switch (d.key) {
    case 'model':
      return [{ key: d.key, text: modelName(t, d.model) }];
    case 'seed':
      return [{ key: d.key, text: d.seed === undefined ? t('compare.p.seedUnknown') : t('compare.p.seed', { value: d.seed }) }];
    case 'length':
      return [{ key: d.key, text: t('compare.p.length', { value: d.seconds.toFixed(Number.isInteger(d.seconds) ? 0 : 2).replace(/0$/, '') }) }];
    case 'fps':
      return [{ key: d.key, text: t('compare.p.fps', { value: decimals(d.fps) }) }];
    case 'resolution':
      return [{ key: d.key, text: d.resolution }];
    case 'aspect':
      return [{ key: d.key, text: d.aspect }];
    case 'audio':
      return [{ key: d.key, text: d.audio ? t('compare.p.audioOn') : t('compare.p.audioOff') }];
    case 'people':
      return [{ key: d.key, text: d.people === 'disallow' ? t('compare.p.peopleDisallow') : t('compare.p.peopleAllow') }];
    case 'negative':
      return [d.negative ? { key: d.key, text: t('compare.p.negative', { value: quote(cut(d.negative, NEGATIVE_CHARS)) }), title: d.negative } : { key: d.key, text: t('compare.p.negativeNone') }];
    case 'frames': {
      if (!d.first && !d.last) return [{ key: d.key, text: t('compare.p.framesNone') }];
      const names = [d.first ?? '—', ...(d.last ? [d.last] : [])].join(' → ');
      return [{ key: d.key, text: t('compare.p.frames', { value: cut(names, NEGATIVE_CHARS) }), title: names }];
    }
    case 'prompt': {
      const p = d.prompt;
      if (p.kind === 'rewritten') return [{ key: 'prompt', text: t('compare.p.promptOther', { value: quote(p.excerpt) }) }];
      const edits = [...p.added.map((w) => ({ key: 'prompt-added', text: t('compare.p.added', { value: quote(w) }) })), ...p.removed.map((w) => ({ key: 'prompt-removed', text: t('compare.p.removed', { value: quote(w) }) }))];
      return edits.length > 0 ? edits : [{ key: 'prompt', text: t('compare.p.promptSame') }];
    }
  }
}

export function ParamList({ diffs, prompt }: { diffs: readonly ParamDifference[] | undefined; prompt: string }) {
  const t = useT();
  if (!diffs) return <p className="cmp-params cmp-muted">{t('compare.loading')}</p>;
  if (diffs.length === 0) return <p className="cmp-params cmp-muted">{t('compare.same')}</p>;
  return (
    <ul className="cmp-params" aria-label={t('compare.differences')}>
      {diffs.flatMap((d) => chips(t, d)).map((c, i) => (
        <li key={`${c.key}-${i}`} className="cmp-chip" data-param={c.key} title={c.title ?? (c.key.startsWith('prompt') ? prompt : undefined)}>
          {c.text}
        </li>
      ))}
    </ul>
  );
}
