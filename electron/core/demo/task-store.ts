import type { Balance } from './pricing.js';
import { taskCost } from './pricing.js';
import type { FaultPlan } from './fault-plan.js';
import type { SubmitBody } from './submit-schema.js';
import { decodeTaskId, encodeTaskId } from './task-id.js';
import type { TaskSpec } from './task-id.js';
import type { FakeClock, ProgressMode } from './types.js';

/**
 * Task lifecycle: submitted → processing (progress rising) → completed or
 * failed. In 'polls' mode each GET advances a task one step (deterministic
 * tests); in 'time' mode the clock decides (the demo). The outcome is settled
 * once, the first time a task is seen due, which is also when it is charged.
 */

export const DEMO_FAIL_MARKER = '[demo:fail]';
export const DEMO_SLOW_MARKER = '[demo:slow]';
export const CONTENT_POLICY_MESSAGE =
  'The prompt was blocked by the content safety policy. Please revise the prompt and try again.';
/** The same refusal as a `?language=ko` query reads it. */
export const CONTENT_POLICY_MESSAGE_KO = '콘텐츠 안전 정책에 따라 프롬프트가 차단되었습니다. 프롬프트를 수정한 뒤 다시 시도해 주세요.';

export type Outcome =
  | { kind: 'completed'; atMs: number; cost: number }
  | { kind: 'failed'; atMs: number; message: string; localized?: Readonly<Record<string, string>>; code: string | number };

export interface TaskRecord {
  readonly id: string;
  readonly spec: TaskSpec;
  polls: number;
  outcome?: Outcome;
  /** Links handed out for a completed task, and the file host epoch they belong to. */
  links?: { epoch: number; videos: string[]; thumbnail: string; expiresAtMs: number };
}

export type Phase =
  | { status: 'submitted' | 'processing'; progress: number }
  | { status: 'done'; outcome: Outcome };

export interface TaskStoreDeps {
  clock: FakeClock;
  progress: ProgressMode;
  faults: FaultPlan;
  balance: Balance;
}

export class TaskStore {
  private readonly tasks = new Map<string, TaskRecord>();
  private seq = 0;

  constructor(private readonly deps: TaskStoreDeps) {}

  create(body: SubmitBody): TaskRecord {
    const slow = body.prompt.includes(DEMO_SLOW_MARKER);
    const baseMs = this.deps.progress.mode === 'time' ? this.deps.progress.durationMs : 8000;
    const id = encodeTaskId({
      c: Math.floor(this.deps.clock.now()),
      t: Math.floor(baseMs * (slow ? 10 : 1)),
      s: body.duration,
      n: body.sample_count,
      a: body.aspect_ratio,
      m: body.model === 'veo3.1-quality-official' ? 'quality' : 'fast',
      q: body.resolution,
      au: body.generate_audio,
      w: slow,
      f: body.prompt.includes(DEMO_FAIL_MARKER),
      k: this.seq++,
    });
    const task = this.find(id);
    if (!task) throw new Error('task id does not decode');
    return task;
  }

  /** A known task, or one rebuilt from its self-describing id (after a restart). */
  find(id: string): TaskRecord | undefined {
    const known = this.tasks.get(id);
    if (known) return known;
    const spec = decodeTaskId(id);
    if (!spec) return undefined;
    const task: TaskRecord = { id, spec, polls: 0 };
    this.tasks.set(id, task);
    return task;
  }

  /** One GET of the task: advance it (polls mode) and settle it if due. */
  poll(task: TaskRecord): Phase {
    task.polls += 1;
    const phase = this.peek(task);
    if (phase.status !== 'due') return phase;
    task.outcome ??= this.settle(task);
    return { status: 'done', outcome: task.outcome };
  }

  /** Settles the task now, however far it got: a synchronous result is finished when the submit answers. */
  complete(task: TaskRecord): Outcome {
    task.outcome ??= this.settle(task, this.deps.clock.now());
    return task.outcome;
  }

  /** Where the task stands, without advancing or settling it. */
  peek(task: TaskRecord): Phase | { status: 'due'; progress: 99 } {
    if (task.outcome) return { status: 'done', outcome: task.outcome };
    const { progress } = this.deps;
    let fraction: number;
    if (progress.mode === 'polls') {
      const needed = progress.pollsToComplete * (task.spec.w ? 10 : 1);
      if (task.polls >= needed) return { status: 'due', progress: 99 };
      // The first GET still sees 'submitted'; later ones climb towards 99.
      if (task.polls <= 1) return { status: 'submitted', progress: 0 };
      fraction = (task.polls - 1) / (needed - 1);
    } else {
      const elapsed = this.deps.clock.now() - task.spec.c;
      if (elapsed >= task.spec.t) return { status: 'due', progress: 99 };
      fraction = elapsed / task.spec.t;
      if (fraction < 0.1) return { status: 'submitted', progress: 0 };
    }
    return { status: 'processing', progress: Math.min(99, Math.max(1, Math.floor(fraction * 100))) };
  }

  private settle(task: TaskRecord, at?: number): Outcome {
    const { spec } = task;
    // Time mode completes at a fixed instant so restarted instances agree on it.
    const atMs = at ?? (this.deps.progress.mode === 'time' ? spec.c + spec.t : Math.max(spec.c, this.deps.clock.now()));
    if (spec.f) return { kind: 'failed', atMs, message: CONTENT_POLICY_MESSAGE, localized: { ko: CONTENT_POLICY_MESSAGE_KO }, code: '' };
    const failure = this.deps.faults.takeFailure();
    if (failure) return { kind: 'failed', atMs, message: failure.message, ...(failure.localized ? { localized: failure.localized } : {}), code: failure.code ?? '' };
    const cost = taskCost(spec.m, spec.q, spec.au, spec.s, spec.n);
    this.deps.balance.charge(cost);
    return { kind: 'completed', atMs, cost };
  }
}
