/**
 * This tab's sessionStorage, which a browser may refuse (a private window, storage turned off):
 * then reads give null and writes are dropped, and the page keeps its state in memory only.
 */

export function sessionGet(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` under `key`, or removes the key for null or ''. */
export function sessionSet(key: string, value: string | null): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // Refused: nothing is kept beyond this page.
  }
}
