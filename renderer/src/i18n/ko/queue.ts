import type { queue as en } from '../en/queue';

/** 한국어: queue. */
export const queue: Record<keyof typeof en, string> = {
  'queue.title': '대기열',
  'queue.empty': '아직 작업이 없습니다. 프롬프트를 작성하고 생성을 누르세요.',
  'queue.loadFailed': '대기열을 불러오지 못했습니다: {message}',
  'queue.progress': '{percent}%',
  'queue.meta': '{duration}초 · {aspect} · {resolution}',
  'queue.demo': '데모',
};
