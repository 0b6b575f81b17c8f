import type { librarySources as en } from '../en/library-sources';

/** 한국어: library folders and videos without a Keyframe record. */
export const librarySources: Record<keyof typeof en, string> = {
  'settings.folders.title': '라이브러리 폴더',
  'settings.folders.hint': '라이브러리는 이 폴더들의 동영상을 보여 주고, 새로 생기거나 바뀌거나 지워진 파일을 알아서 반영합니다. 폴더를 빼도 파일은 그대로 남습니다.',
  'settings.folders.output': '출력 폴더',
  'settings.folders.remove': '빼기',
  'settings.folders.removeLabel': '라이브러리에서 {folder} 빼기',
  'settings.folders.choose': '폴더 추가…',
  'settings.folders.path': '추가할 폴더',
  'settings.folders.add': '폴더 추가',
  'settings.folders.typedHint': '폴더의 전체 경로를 입력하고 폴더 추가를 누르세요.',
  'settings.folders.state.starting': '시작하는 중…',
  'settings.folders.state.watching': '감시 중',
  'settings.folders.state.polling': '주기적으로 변경 확인 중(네트워크 폴더)',
  'settings.folders.state.waiting': '아직 만들어지지 않음',
  'settings.folders.state.unavailable': '사용할 수 없음: 다시 시도하는 중',
  'library.bare.noRecord': '이 파일 옆에 Keyframe 기록이 없어 파일 자체의 정보로 보여 줍니다.',
  'library.bare.embedded': 'Keyframe으로 만든 영상(파일에서 읽음)',
  'library.bare.container': '컨테이너',
  'library.bare.picture': '화면',
  'library.bare.frameRate': '프레임 속도',
  'library.bare.fps': '{n}fps',
  'library.bare.codecs': '코덱',
  'library.bare.noAudio': '오디오 없음',
  'library.bare.noFavorite': '즐겨찾기와 태그는 파일 옆에 Keyframe 기록이 있어야 합니다.',
};
