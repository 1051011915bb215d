import type { I18nText } from '../model/i18n-text';

/** `pack.json`: what a pack is, which engine it needs and which packs it builds on. */
export interface PackManifest {
  /** Pack id; also the app id it installs (`mfg-crm`). */
  id: string;
  name: I18nText;
  /** Semver `MAJOR.MINOR.PATCH`; upgrades must raise it. */
  version: string;
  /** Engine versions this pack works with, e.g. `>=0.1.0 <1.0.0`. */
  engine: string;
  description?: I18nText;
  /** pack id → version range. */
  dependencies?: Record<string, string>;
  /**
   * Name of the seed spec holding reference data (configuration records such as care plans), e.g.
   * `reference` = `seed/reference.json`: applied at every install before the chosen seed, and its records
   * missing from the app added on upgrade. Each of its blocks lists literal `records` and a natural `key`.
   */
  referenceSeed?: string;
}

const i18nText = {
  type: 'object',
  required: ['zh', 'en'],
  additionalProperties: false,
  properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string', minLength: 1 } },
} as const;

/** JSON Schema (draft-07) of `pack.json`. */
export const PACK_MANIFEST_SCHEMA = {
  $id: 'https://lattice.dev/schemas/pack.json',
  type: 'object',
  required: ['id', 'name', 'version', 'engine'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    name: i18nText,
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' },
    engine: { type: 'string', minLength: 1 },
    description: i18nText,
    dependencies: {
      type: 'object',
      propertyNames: { pattern: '^[a-z][a-z0-9-]{0,40}$' },
      additionalProperties: { type: 'string', minLength: 1 },
    },
    referenceSeed: { type: 'string', pattern: '^[a-z0-9_-]{1,40}$' },
  },
} as const;
