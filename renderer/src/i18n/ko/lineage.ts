import type { lineage as en } from '../en/lineage';

/** 한국어: 테이크, 샷, 계보(이어가기). */
export const lineage: Record<keyof typeof en, string> = {
  'lineage.continueLast': '마지막 프레임에서 이어가기',
  'lineage.continueLastHint': '이 클립의 마지막 프레임에서 시작하는 새 초안을 같은 프롬프트와 설정으로 엽니다',
  'lineage.continued': '이 클립을 잇는 새 초안을 열었습니다.',
  'lineage.tabs': '이 클립에 대하여',
  'lineage.tab.details': '정보',
  'lineage.tab.lineage': '계보',
  'lineage.parent': '이어 온 클립',
  'lineage.children': '이어 만든 클립',
  'lineage.siblings': '같은 샷의 다른 테이크',
  'lineage.parentGone': '이어 온 클립이 라이브러리에 더 이상 없습니다 ({id}).',
  'lineage.noParent': '다른 클립에서 이어 만든 클립이 아닙니다.',
  'lineage.noChildren': '아직 이 클립을 이어 만든 클립이 없습니다. “마지막 프레임에서 이어가기”로 시작하세요.',
  'lineage.noSiblings': '이 샷의 유일한 테이크입니다.',
  'lineage.from.first': '첫 프레임에서',
  'lineage.from.last': '마지막 프레임에서',
  'lineage.from.seconds': '{seconds}초 지점에서',
  'lineage.frameNote.first': '라이브러리 클립의 첫 프레임입니다. 새 영상에는 그 클립을 이어 만들었다고 기록됩니다.',
  'lineage.frameNote.last': '라이브러리 클립의 마지막 프레임입니다. 새 영상에는 그 클립을 이어 만들었다고 기록됩니다.',
  'lineage.frameNote.seconds': '라이브러리 클립의 {seconds}초 지점 프레임입니다. 새 영상에는 그 클립을 이어 만들었다고 기록됩니다.',
  'lineage.loading': '계보를 읽는 중…',
  'lineage.take': '테이크 {n}',
  'lineage.takeOf': '테이크 {n}/{count}',
  'lineage.details.take': '테이크',
};
