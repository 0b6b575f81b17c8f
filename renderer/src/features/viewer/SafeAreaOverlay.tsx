/**
 * Guides over the picture: action-safe (93 %) and title-safe (90 %) boxes, as in SMPTE ST 2046-1,
 * a centre cross, and the frame the other aspect would crop (a 9:16 cut of a 16:9 clip, and the
 * other way round), for planning a re-frame. Drawn in the clip's own pixel space, so it sits on
 * the picture at any size.
 */
export function SafeAreaOverlay({ width, height }: { width: number; height: number }) {
  const box = (f: number) => ({ x: (width * (1 - f)) / 2, y: (height * (1 - f)) / 2, width: width * f, height: height * f });
  const portrait = height > width;
  // The other aspect's largest centred frame.
  const crop = portrait ? { width, height: (width * 9) / 16 } : { width: (height * 9) / 16, height };
  return (
    <svg className="viewer-guides" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true" data-guides="on">
      <rect className="guide-action" {...box(0.93)} />
      <rect className="guide-title" {...box(0.9)} />
      <rect className="guide-crop" x={(width - crop.width) / 2} y={(height - crop.height) / 2} width={crop.width} height={crop.height} />
      <path className="guide-centre" d={`M${width / 2 - width * 0.02} ${height / 2}h${width * 0.04}M${width / 2} ${height / 2 - width * 0.02}v${width * 0.04}`} />
    </svg>
  );
}
