import { useCallback, useState } from 'react';

const KEY = 'coproduce.comments-panel';

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) !== 'hidden';
  } catch {
    // Storage refused (private mode, a policy): the panel shows, as it does at first.
    return true;
  }
}

/**
 * Whether the comments panel is beside the text: someone writing wants the width back,
 * and their choice holds on this device until they change it.
 */
export function useCommentsPanelShown(): [boolean, (shown: boolean) => void] {
  const [shown, setShown] = useState(remembered);
  const choose = useCallback((next: boolean) => {
    setShown(next);
    try {
      localStorage.setItem(KEY, next ? 'shown' : 'hidden');
    } catch {
      // Not remembered; still applied on this page.
    }
  }, []);
  return [shown, choose];
}
