/**
 * Places on a Leaflet map drawn over Natural Earth country boundaries bundled with the build
 * (world-atlas): no tile server. Only the graph's own coordinates are drawn; places without
 * coordinates are listed beside the map, never placed by guess. Leaflet loads on demand.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import { href, navigate } from '../router';
import type { PlaceCount } from '../shapes';

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
        // A view before any layer: vector layers project against it.
        const map = L.map(container.current, { attributionControl: true, zoomSnap: 0.25 }).fitBounds(SYRIA);
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
          map.fitBounds(L.latLngBounds(markers.map((m) => m.getLatLng())).pad(0.4), { maxZoom: 10 });
        }
        container.current.dataset['markers'] = String(markers.length);
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

/** The places where engagements happened, as the server counted them, for the map's markers. */
export function countedPlaces(rows: readonly PlaceCount[]): MapPlace[] {
  return rows.map(({ place, engagements }) => ({
    id: place.id,
    name: place.name,
    location: place.location,
    detail: `${engagements} engagement${engagements === 1 ? '' : 's'}`,
  }));
}
