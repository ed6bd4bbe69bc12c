/** The front page: search, and a few ways in for a newcomer. */
import { Search } from '../components/Search';
import { href } from '../router';

export function HomePage() {
  return (
    <div class="home">
      <h1>Aleppo actors graph</h1>
      <p class="lede">
        The armed actors of the Syrian war: what they were called and when, whom they allied with, who backed them and
        where they fought. Every fact opens the sentence that states it.
      </p>
      <Search label="Search actors and places, in any spelling" autofocus />
      <h2>Ways in</h2>
      <ul class="ways-in">
        <li>
          <a href={href.actor('jabhat-al-nusra')}>Jabhat al-Nusra</a>: its renames into JFS and HTS, its network at a
          date
        </li>
        <li>
          <a href={href.place('khan-touman')}>Khan Touman</a>: who held it, who fought there
        </li>
        <li>
          <a href={href.connect('Turkey', 'Jabhat al-Nusra')}>How is Turkey connected to Jabhat al-Nusra?</a>
        </li>
        <li>
          <a href="/graphql">The GraphQL playground</a>, for writing your own queries
        </li>
      </ul>
    </div>
  );
}
