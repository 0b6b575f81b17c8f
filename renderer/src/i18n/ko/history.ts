import type { history as en } from '../en/history';

/** 한국어: prompt history. */
export const history: Record<keyof typeof en, string> = {
  'history.open': '기록',
  'history.open.hint': '보낸 프롬프트와 설정을 최신순으로 보여 줍니다',
  'history.title': '프롬프트 기록',
  'history.search': '프롬프트 검색',
  'history.loading': '불러오는 중…',
  'history.failed': '기록을 불러오지 못했습니다: {message}',
  'history.empty': '아직 보낸 프롬프트가 없습니다. 보낸 프롬프트는 설정과 함께 여기에 남습니다.',
  'history.noMatch': '“{search}”와(과) 일치하는 프롬프트가 없습니다.',
  'history.uses': '{count}번 보냄',
  'history.reuse': '다시 쓰기',
  'history.reuseLabel': '“{prompt}”을(를) 설정과 함께 다시 쓰기',
};
