import type { library as en } from '../en/library';

/** 한국어: library. */
export const library: Record<keyof typeof en, string> = {
  'library.title': '최근 영상',
  'library.empty': '완성된 영상이 여기에 표시됩니다.',
  'library.missing': '출력 폴더에 영상 파일이 없습니다.',
};
