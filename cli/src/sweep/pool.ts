/**
 * Bounded concurrency: run `work` over the items with at most `limit` running at once. A
 * worker that throws stops the others from taking new items (those already running finish),
 * and the first error is rethrown once every running item has settled.
 */
export async function runPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    let failure: { error: unknown } | undefined;
    const worker = async (): Promise<void> => {
        while (!failure && next < items.length) {
            const item = items[next++] as T;
            try {
                await work(item);
            } catch (error) {
                failure ??= { error };
            }
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    if (failure) throw failure.error;
}
