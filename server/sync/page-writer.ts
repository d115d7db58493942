/**
 * Commits a resource's validated pages in feed order while the sync already fetches and validates
 * the next ones (issue 17: a cold sync at 1M spent a third of its time waiting for DuckDB's commit
 * with nothing else to do). Pages that queue up while a transaction runs go into the next
 * transaction together, with the position of the last of them: a page is still stored with its
 * position or not at all, in order, so a sync killed at any moment resumes at the last committed
 * page. After a failure nothing more is committed and every later call throws that failure.
 */

/** Pages waiting for their transaction before the sync stops fetching more (bounded memory). */
export const MAX_WAITING_PAGES = 4;

export class PageWriter<P> {
  private waiting: P[] = [];
  /** The transaction in progress (with the pages that join the next one), or null when idle. */
  private running: Promise<void> | null = null;
  private failure: { error: unknown } | null = null;
  /** Resolved whenever a transaction ends: a sync waiting for room looks again. */
  private wakeUps: (() => void)[] = [];

  constructor(
    /** Stores pages (in order) in one transaction, then applies them where they go next. */
    private readonly commit: (pages: readonly P[]) => Promise<void>,
  ) {}

  /** Queues a validated page; resolves once there is room for another one. */
  async push(page: P): Promise<void> {
    this.throwIfFailed();
    this.waiting.push(page);
    this.running ??= this.run();
    while (this.waiting.length >= MAX_WAITING_PAGES && this.failure === null) {
      await new Promise<void>((resolve) => this.wakeUps.push(resolve));
    }
    this.throwIfFailed();
  }

  /** Waits until every queued page is committed; throws the failure that stopped the writer. */
  async drain(): Promise<void> {
    while (this.running !== null) await this.running;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure !== null) throw this.failure.error;
  }

  private async run(): Promise<void> {
    try {
      while (this.waiting.length > 0 && this.failure === null) {
        const pages = this.waiting;
        this.waiting = [];
        try {
          await this.commit(pages);
        } catch (error) {
          this.failure = { error };
          this.waiting = [];
        }
        for (const wake of this.wakeUps.splice(0)) wake();
      }
    } finally {
      this.running = null;
    }
  }
}
