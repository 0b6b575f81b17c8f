import type { MessageBoxSyncOptions, WebContents } from 'electron';

/**
 * The page says, through `beforeunload`, when closing or reloading the window
 * would lose something (a sequence's unsaved edits). A browser asks the person
 * then; Electron only cancels the close, silently, unless main asks. So main
 * asks: Close anyway, or Keep editing (the default, and what Escape means).
 */

export type AskSync = (options: MessageBoxSyncOptions) => number;
export type Language = 'en' | 'ko';

const TEXT: Record<Language, { message: string; detail: string; leave: string; stay: string }> = {
  en: {
    message: 'Close Keyframe with unsaved sequence edits?',
    detail: 'The storyboard has edits that are not saved. Closing now loses them.',
    leave: 'Close without saving',
    stay: 'Keep editing',
  },
  ko: {
    message: '저장하지 않은 시퀀스 편집이 있습니다. Keyframe을 닫을까요?',
    detail: '스토리보드에 저장하지 않은 편집이 있습니다. 지금 닫으면 사라집니다.',
    leave: '저장하지 않고 닫기',
    stay: '계속 편집',
  },
};

const LEAVE = 0;
const STAY = 1;

export function askBeforeUnload(contents: Pick<WebContents, 'on'>, ask: AskSync, language: () => Language): void {
  contents.on('will-prevent-unload', (event) => {
    const t = TEXT[language()];
    const choice = ask({ type: 'warning', message: t.message, detail: t.detail, buttons: [t.leave, t.stay], defaultId: STAY, cancelId: STAY, noLink: true });
    // preventDefault here overrides the page's objection: the window closes (or reloads) after all.
    if (choice === LEAVE) event.preventDefault();
  });
}
