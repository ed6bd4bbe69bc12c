/** The names an actor or place goes by, with their kind, period and the sources that use them. */
import { showPeriod } from '../dates';
import type { ActorPageQuery } from '../generated/graphql';
import { href } from '../router';

type Name = NonNullable<ActorPageQuery['actor']>['names'][number];

export function Names({ names }: { names: readonly Partial<Name>[] }) {
  return (
    <table class="names">
      <caption class="visually-hidden">Names and spellings</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Period</th>
          <th scope="col">Used by</th>
        </tr>
      </thead>
      <tbody>
        {names.map((n, i) => (
          <tr key={i}>
            <td lang={n.kind === 'NATIVE_SCRIPT' ? 'ar' : undefined} dir="auto">
              {n.name}
            </td>
            <td>{n.kind?.toLowerCase().replace(/_/g, ' ')}</td>
            <td>{n.from || n.to ? showPeriod(n.from, n.to) : <span class="muted">—</span>}</td>
            <td>
              {(n.sources ?? []).map((s, j) => (
                <>
                  {j > 0 && ', '}
                  <a href={href.source(s.id)}>{s.title}</a>
                </>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
