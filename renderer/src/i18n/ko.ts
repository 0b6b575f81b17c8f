import type { MessageKey } from './en';

/** 한국어. `satisfies` makes a missing or misspelled key a type error. */
export const ko = {
  'app.title': 'Keyframe',
  'app.tagline': 'Veo 3.1 영상 스튜디오',

  'connection.connecting': 'Keyframe에 연결하는 중…',
  'connection.lost': 'Keyframe과의 연결이 끊겼습니다. 다시 연결하는 중…',
  'connection.gone': 'Keyframe이 응답하지 않습니다. 호스트를 다시 시작했다면 새로 출력된 주소를 여세요.',
  'connection.noToken': '터미널에 출력된 전체 주소로 Keyframe을 여세요. 주소는 #token=… 으로 끝납니다.',

  'notice.demo': '데모 모드: 작업이 내장 데모 제공자에서 실행됩니다. 키가 필요 없고 요금도 청구되지 않습니다.',
  'notice.noKey': 'APIMart 키가 설정되지 않았고 데모 모드도 꺼져 있어 아직 작업을 실행할 수 없습니다.',
  'notice.useDemo': '데모 모드 사용',
  'notice.plainKey': 'APIMart 키는 이 컴퓨터의 소유자 전용 일반 파일(브라우저 호스트)에 보관되며, OS 키체인에 암호화되지 않습니다.',
  'notice.dismiss': '닫기',

  'compose.title': '새 영상',
  'compose.label': '프롬프트',
  'compose.placeholder': '영상을 설명하세요: 피사체, 배경, 카메라 움직임, 조명, 분위기…',
  'compose.generate': '생성',
  'compose.submitting': '대기열에 추가하는 중…',
  'compose.shortcut': '{keys}로 생성',
  'compose.empty': '먼저 프롬프트를 작성하세요: 원하는 영상을 설명해 주세요.',
  'compose.queued': '대기열에 추가되었습니다. 대기열에서 진행 상황을 확인하세요.',
  'compose.defaults': '8초 · 16:9 · 720p · Veo 3.1 Fast',

  'queue.title': '대기열',
  'queue.empty': '아직 작업이 없습니다. 프롬프트를 작성하고 생성을 누르세요.',
  'queue.loadFailed': '대기열을 불러오지 못했습니다: {message}',
  'queue.progress': '{percent}%',
  'queue.meta': '{duration}초 · {aspect} · {resolution}',
  'queue.demo': '데모',

  'state.queued': '대기 중',
  'state.uploading': '프레임 업로드 중',
  'state.submitting': '제출 중',
  'state.generating': '생성 중',
  'state.downloading': '다운로드 중',
  'state.done': '완료',
  'state.failed': '실패',
  'state.expired': '만료됨',
  'state.needs_attention': '확인 필요',
  'state.stopped': '중지됨',

  'library.title': '최근 영상',
  'library.empty': '완성된 영상이 여기에 표시됩니다.',
  'library.missing': '출력 폴더에 영상 파일이 없습니다.',
} as const satisfies Record<MessageKey, string>;
