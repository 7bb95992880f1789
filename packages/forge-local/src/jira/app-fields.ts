/**
 * The custom fields the app's `jira:customField` modules create. Jira makes one locked field per
 * module when the app is deployed, gives it the next `customfield_NNNNN` id of the site and keeps
 * that id for as long as the app stays installed; the field's key is
 * `{appId}__{environment}__{moduleKey}` and `schema.custom` the module's extension ARI
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-custom-field/).
 * The ids are kept with the site, so a restart (or a manifest that gains a field) never renumbers
 * a field an app or a saved JQL query already uses.
 */
import type { CustomFieldDef } from '../app/app-manifest';
import type { FieldDetails } from './field-catalog';
import type { JiraStore } from './jira-store';

export interface AppField extends CustomFieldDef {
  /** `customfield_NNNNN`. */
  id: string;
  customId: number;
  /** `{appId}__{environment}__{moduleKey}`. */
  key: string;
  /** `ari:cloud:ecosystem::extension/{appId}/{environmentId}/static/{moduleKey}`. */
  extensionAri: string;
}

export interface AppIdentity {
  appId: string;
  environmentId: string;
  /** The environment's key as Jira writes it in field keys: `DEVELOPMENT` for `forge tunnel`/local. */
  environmentKey: string;
}

/** Jira Cloud numbers custom fields from 10000 up. */
const FIRST_CUSTOM_ID = 10000;

export class AppFields {
  private readonly fields: AppField[];

  constructor(defs: readonly CustomFieldDef[], store: JiraStore, identity: AppIdentity) {
    this.fields = defs.map((def) => {
      const customId =
        store.appFieldId(def.moduleKey) ?? store.allocateAppFieldId(def.moduleKey, FIRST_CUSTOM_ID);
      return {
        ...def,
        id: `customfield_${String(customId)}`,
        customId,
        key: `${identity.appId}__${identity.environmentKey}__${def.moduleKey}`,
        extensionAri: `ari:cloud:ecosystem::extension/${identity.appId}/${identity.environmentId}/static/${def.moduleKey}`,
      };
    });
  }

  all(): readonly AppField[] {
    return this.fields;
  }

  /** By id (`customfield_10010`) or key, as the field-value API accepts either. */
  byIdOrKey(idOrKey: string): AppField | undefined {
    return this.fields.find((f) => f.id === idOrKey || f.key === idOrKey);
  }

  /** By a JQL clause name: `cf[10010]` or the field's name (any case), as `clauseNames` lists them. */
  byClauseName(name: string): AppField | undefined {
    const lower = name.toLowerCase();
    return this.fields.find((f) => `cf[${String(f.customId)}]` === lower || f.name.toLowerCase() === lower);
  }
}

/** Jira's schema type names for a Forge field's data type (`GET /rest/api/3/field`). */
function schemaType(field: AppField): string {
  if (field.type === 'object') return 'any';
  return field.collection === 'list' ? 'array' : field.type;
}

/** The field as `GET /rest/api/3/field` lists it (the `FieldDetails` schema). */
export function appFieldDetails(field: AppField): FieldDetails {
  return {
    id: field.id,
    key: field.key,
    name: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    // "Forge custom fields have a searcher set automatically, so are always searchable"
    // (https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/).
    searchable: true,
    clauseNames: [`cf[${String(field.customId)}]`, field.name],
    schema: {
      type: schemaType(field),
      ...(field.collection === 'list' ? { items: field.type } : {}),
      custom: field.extensionAri,
      customId: field.customId,
    },
  };
}
