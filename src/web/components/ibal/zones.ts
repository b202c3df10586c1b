// Display names and colours of the IBAL zones, shared by the charts of the measure page.
import type { IbalZone } from '../../../core/ibal/index.ts';

export type ZoneOrUnlocated = IbalZone | 'unlocated';

export const zoneOrder: readonly ZoneOrUnlocated[] = ['bretagne', 'france', 'europe', 'world', 'unlocated'];

export const zoneLabels: Record<ZoneOrUnlocated, string> = {
  bretagne: 'Bretagne',
  france: 'Reste de la France',
  europe: "Reste de l'Union européenne",
  world: 'Hors Union européenne',
  unlocated: 'Non localisé',
};

/** CSS custom properties of src/web/styles/global.css. */
export const zoneColours: Record<ZoneOrUnlocated, string> = {
  bretagne: 'var(--zone-bretagne)',
  france: 'var(--zone-france)',
  europe: 'var(--zone-europe)',
  world: 'var(--zone-world)',
  unlocated: 'var(--zone-unlocated)',
};
