/**
 * Resolves once `done()` holds, checked now and each time a listener fires (the fakes and the process watcher call
 * their listeners on every event); rejects after `timeoutMs` with `failure` as the message.
 */
export function waitUntil(
  listeners: Set<() => void>,
  done: () => boolean,
  timeoutMs: number,
  failure: string,
): Promise<void> {
  if (done()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const listener = () => {
      if (!done()) return;
      clearTimeout(timer);
      listeners.delete(listener);
      resolve();
    };
    const timer = setTimeout(() => {
      listeners.delete(listener);
      reject(new Error(failure));
    }, timeoutMs);
    listeners.add(listener);
  });
}
