/**
 * Runs a task per key one at a time: a run asked for while one is under way becomes a
 * single run after it, however many were asked for. For work whose latest result is all
 * that matters (a person's unread count): a burst of changes costs two runs, not one each.
 */
export class OneAtATime {
  private readonly running = new Map<string, { again: boolean }>();

  run(key: string, task: () => Promise<void>): void {
    const running = this.running.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.running.set(key, state);
    void task()
      .catch(() => undefined)
      .finally(() => {
        this.running.delete(key);
        if (state.again) this.run(key, task);
      });
  }
}
