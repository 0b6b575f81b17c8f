import { useEffect, useRef, useState } from 'react';

/**
 * The clip under the pointer, at the time the pointer's x says (left edge = start, right edge = end).
 * Mounted only in the hovered cell and gone when the pointer leaves, so one video decodes at a time.
 * Seeks never pile up: while one is in flight the newest position waits and is taken when it lands.
 * The poster stays visible until the first seeked frame is there (no black flash).
 */
export function HoverScrub({ src, at, portrait }: { src: string; at: number; portrait: boolean }) {
  const el = useRef<HTMLVideoElement>(null);
  const want = useRef(at);
  const [shown, setShown] = useState(false);
  want.current = at;

  useEffect(() => {
    const v = el.current;
    if (!v) return;
    const onSeeked = () => {
      setShown(true);
      seekTo(v, want.current);
    };
    const onMeta = () => seekTo(v, want.current);
    // Already at the wanted time (the pointer came in at the left edge): no seek will come to say so.
    const onData = () => !v.seeking && setShown(true);
    v.addEventListener('loadedmetadata', onMeta);
    v.addEventListener('loadeddata', onData);
    v.addEventListener('seeked', onSeeked);
    return () => {
      v.removeEventListener('loadedmetadata', onMeta);
      v.removeEventListener('loadeddata', onData);
      v.removeEventListener('seeked', onSeeked);
      // Stops the download and frees the decoder at once, not when garbage collection gets to it.
      v.removeAttribute('src');
      v.load();
    };
  }, [src]);

  useEffect(() => {
    if (el.current) seekTo(el.current, at);
  }, [at]);

  return (
    <>
      <video
        ref={el}
        className={`lib-scrub${portrait ? ' portrait' : ''}${shown ? ' shown' : ''}`}
        src={src}
        muted
        playsInline
        preload="auto"
        aria-hidden="true"
        tabIndex={-1}
        data-scrub-at={at.toFixed(3)}
      />
      <span className="lib-scrub-head" style={{ left: `${at * 100}%` }} aria-hidden="true" />
    </>
  );
}

/** Seeks to `fraction` of the clip unless a seek is still landing (its `seeked` comes back here). */
function seekTo(v: HTMLVideoElement, fraction: number): void {
  if (v.seeking || !(v.duration > 0) || !Number.isFinite(v.duration)) return;
  // A hair before the end: a seek to the very end shows nothing in some engines.
  const time = Math.min(v.duration - 0.001, fraction * v.duration);
  if (Math.abs(v.currentTime - time) > 0.0005) v.currentTime = time;
}
