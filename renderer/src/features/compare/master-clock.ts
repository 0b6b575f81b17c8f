/**
 * The one clock every clip of a comparison follows: a position on the comparison's timeline (seconds
 * from each clip's first frame) that runs at a signed rate from a wall-clock anchor. The <video>
 * elements never lead; each is steered to this position (sync-rules.ts). `now` is injected (ms), so
 * the tests drive it by hand.
 *
 * Starting is a gate: <video>s take a while to get going after play() (longer on a busy machine, and
 * not the same while for each), so the clock holds still until the clips play (`begin`) instead of
 * running ahead of all of them and making each one seek to catch up.
 */
export class MasterClock {
  /** Timeline seconds at the anchor. */
  private at = 0;
  /** now() at the anchor. */
  private since = 0;
  private speed = 0;
  private gate = false;
  private length = 0;
  loop = true;

  constructor(private readonly now: () => number) {}

  /** The timeline's length: the longest clip's. */
  get duration(): number {
    return this.length;
  }

  setDuration(seconds: number): void {
    const t = this.time();
    this.length = Math.max(0, seconds);
    this.anchor(Math.min(t, this.length));
  }

  /** The signed rate asked for: 1, 2, 4 forward, negative reverse, 0 paused (also while starting). */
  get rate(): number {
    return this.speed;
  }

  /** Playing forward, waiting for the clips to get going (the position holds still meanwhile). */
  get starting(): boolean {
    return this.gate;
  }

  /** The position now. Past an end it wraps (loop) or stops there. */
  time(): number {
    if (this.speed === 0 || this.gate) return this.at;
    const raw = this.at + ((this.now() - this.since) / 1000) * this.speed;
    if (raw >= 0 && raw < this.length) return raw;
    if (this.length <= 0) return 0;
    if (this.loop) {
      const wrapped = ((raw % this.length) + this.length) % this.length;
      this.anchor(wrapped);
      return wrapped;
    }
    // Stopped on the end it reached; play() from the end starts over.
    this.anchor(raw < 0 ? 0 : this.length);
    this.speed = 0;
    return this.at;
  }

  play(rate: number): void {
    if (rate === 0) return this.pause();
    let t = this.time();
    if (rate > 0 && t >= this.length) t = 0;
    if (rate < 0 && t <= 0) t = this.length;
    this.anchor(t);
    // Reverse is stepped frame by frame (a <video> cannot play backwards): nothing to wait for.
    this.gate = rate > 0 && (this.speed <= 0 || this.gate);
    this.speed = rate;
  }

  /** The clips play: the clock runs from `from` (where they are, if given) from now on. */
  begin(from?: number): void {
    if (!this.gate) return;
    this.gate = false;
    this.anchor(from === undefined ? this.at : Math.min(this.length, Math.max(0, from)));
  }

  pause(): void {
    this.anchor(this.time());
    this.speed = 0;
    this.gate = false;
  }

  seek(seconds: number): void {
    this.anchor(Math.min(this.length, Math.max(0, seconds)));
  }

  private anchor(t: number): void {
    this.at = t;
    this.since = this.now();
  }
}
