import type { compose as en } from '../en/compose';

/** 한국어: compose. */
export const compose: Record<keyof typeof en, string> = {
  'compose.title': '새 영상',
  'compose.label': '프롬프트',
  'compose.placeholder': '영상을 설명하세요: 피사체, 배경, 카메라 움직임, 조명, 분위기…',
  'compose.generate': '생성',
  'compose.submitting': '대기열에 추가하는 중…',
  'compose.shortcut': '{keys}로 생성',
  'compose.empty': '먼저 프롬프트를 작성하세요: 원하는 영상을 설명해 주세요.',
  'compose.queued': '대기열에 추가되었습니다. 대기열에서 진행 상황을 확인하세요.',
  'compose.defaults': '8초 · 16:9 · 720p · Veo 3.1 Fast',
};
