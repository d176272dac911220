/**
 * Runs async work one at a time, in call order. SQLite has one writer: the group commit and the
 * attribution worker take turns on the pipeline's connection instead of failing on each other.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work, work);
    this.tail = result.catch(() => {});
    return result;
  }
}
