import type { common as en } from '../en/common';

/** 한국어: common. */
export const common: Record<keyof typeof en, string> = {
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
};
