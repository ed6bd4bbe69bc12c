/** What a page shows while it loads, when it fails, and for an unknown id. */
import { href } from '../router';

export function Loading() {
  return (
    <p class="muted" aria-busy="true">
      Loading …
    </p>
  );
}

export function Failure({ error }: { error: Error }) {
  return (
    <p class="error" role="alert">
      {error.message}
    </p>
  );
}

export function NotFound({ what }: { what: string }) {
  return (
    <div>
      <h1>Not in the graph</h1>
      <p>
        There is no {what}. <a href={href.home()}>Search</a> by any spelling instead.
      </p>
    </div>
  );
}
