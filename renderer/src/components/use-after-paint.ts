import { useEffect, useState } from 'react';

/**
 * False on the first render, true once the browser has painted that render.
 * For the parts of a view that can come a frame later than what the person
 * opened it for (the storyboard under the library grid): they are not mounted
 * in the same task as the first paint, so they never delay it. A plain effect
 * would not do: after a click React runs effects before the browser paints.
 */
export function useAfterPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame callback runs just before the paint; the task it queues runs after it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, []);
  return painted;
}
