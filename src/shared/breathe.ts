/** Lets the event loop run once: a worker's finished batch is taken in, a signal is heard. */
export const breathe = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));
