/**
 * Places on a Leaflet map drawn over Natural Earth country boundaries bundled with the build
 * (world-atlas): no tile server. Only the graph's own coordinates are drawn; places without
 * coordinates are listed beside the map, never placed by guess. Leaflet loads on demand.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { href, navigate } from '../router';

export interface MapPlace {
  id: string;
  name: string;
  location: { latitude: number; longitude: number } | null | undefined;
  /** What happened there, shown in the marker's popup. */
  detail?: string;
  highlight?: boolean;
}

/** Syria, for a map with no located place. */
const SYRIA: [[number, number], [number, number]] = [
  [32.3, 35.6],
  [37.4, 42.4],
];

export function PlacesMap({ places, label }: { places: readonly MapPlace[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const located = places.filter((p) => p.location);
  const unlocated = places.filter((p) => !p.location);
  const key = JSON.stringify(located.map((p) => [p.id, p.detail]));

  useEffect(() => {
    let cancelled = false;
    let remove: (() => void) | undefined;
    void Promise.all([import('leaflet'), import('topojson-client'), fetch(countriesUrl).then((r) => r.json())])
      .then(([{ default: L }, topojson, world]) => {
        if (cancelled || !container.current) return;
        const map = L.map(container.current, { attributionControl: true, zoomSnap: 0.25 });
        remove = () => map.remove();
        map.attributionControl.setPrefix(false).addAttribution('Boundaries: Natural Earth (world-atlas)');
        const topology = world as Parameters<typeof topojson.feature>[0];
        const countries = topojson.feature(topology, topology.objects['countries']!);
        L.geoJSON(countries, {
          style: { color: '#94a3b8', weight: 1, fillColor: '#f1f5f9', fillOpacity: 1 },
        }).addTo(map);
        const markers = located.map((p) => {
          const marker = L.circleMarker([p.location!.latitude, p.location!.longitude], {
            radius: p.highlight ? 8 : 6,
            color: p.highlight ? '#b91c1c' : '#1d4ed8',
            weight: 2,
            fillOpacity: 0.6,
          });
          const popup = document.createElement('div');
          const link = document.createElement('a');
          link.href = href.place(p.id);
          link.textContent = p.name;
          link.addEventListener('click', (event) => {
            event.preventDefault();
            navigate(href.place(p.id));
          });
          popup.append(link);
          if (p.detail) popup.append(document.createElement('br'), p.detail);
          marker.bindPopup(popup).bindTooltip(p.name);
          return marker.addTo(map);
        });
        if (markers.length > 0) {
          map.fitBounds(L.featureGroup(markers).getBounds().pad(0.4), { maxZoom: 11 });
        } else map.fitBounds(SYRIA);
      })
      .catch((error: unknown) => setFailure(`The map could not be drawn: ${(error as Error).message}`));
    return () => {
      cancelled = true;
      remove?.();
    };
    // The key stands for the located places.
  }, [key]);

  return (
    <div class="map-block">
      <div ref={container} class="map" role="region" aria-label={label} />
      {failure && <p class="error">{failure}</p>}
      {unlocated.length > 0 && (
        <div class="unlocated">
          <h3>Not on the map</h3>
          <p class="muted">The graph has no coordinates for these places.</p>
          <ul>
            {unlocated.map((p) => (
              <li key={p.id}>
                <a href={href.place(p.id)}>{p.name}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** The places of a list of engagements, each once, with what happened there. */
export function engagementPlaces(
  engagements: readonly {
    title: string;
    places: readonly { id: string; name: string; location?: MapPlace['location'] }[];
  }[],
): MapPlace[] {
  const byId = new Map<string, MapPlace & { count: number }>();
  for (const e of engagements) {
    for (const p of e.places) {
      const known = byId.get(p.id);
      if (known) known.count += 1;
      else byId.set(p.id, { id: p.id, name: p.name, location: p.location, count: 1, detail: e.title });
    }
  }
  return [...byId.values()].map(({ count, ...p }) => ({
    ...p,
    detail: count > 1 ? `${count} engagements` : p.detail,
  }));
}
