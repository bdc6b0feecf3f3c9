import type { SettingSpecs } from '../connectors/sdk/index.js';
import { ongoingSettings } from '../wms/ongoing/settings.js';

/** The WMSs a goods owner can use, with the settings each needs (the embedded WMS needs none). */
export const wmsKinds = {
  embedded: { displayName: 'embedded WMS', settings: {} as SettingSpecs },
  ongoing: { displayName: 'Ongoing WMS', settings: ongoingSettings as SettingSpecs },
} as const;

export type WmsKind = keyof typeof wmsKinds;

export const isWmsKind = (kind: string): kind is WmsKind => Object.hasOwn(wmsKinds, kind);
