import { registerEnumType } from 'type-graphql';

export enum Role {
  /** 普法办: everything, including users and reference data. */
  ADMIN = 'ADMIN',
  /** A district's 普法办: writes limited to the agencies and records of the district. */
  DISTRICT_ADMIN = 'DISTRICT_ADMIN',
  /** 市委/市政府 leadership: reads everything. */
  LEADER = 'LEADER',
  /** NPC or CPPCC inspector: reads every unit's records; every record opened is logged. */
  INSPECTOR = 'INSPECTOR',
  /** An agency's reporter: writes the agency's own items, activities, cases and attendance. */
  AGENCY_REPORTER = 'AGENCY_REPORTER',
  /** A media partner: writes its own outlet's broadcast slots. */
  MEDIA_PARTNER = 'MEDIA_PARTNER',
  /** Third-party evaluator: writes survey waves and responses. */
  SURVEY_OPERATOR = 'SURVEY_OPERATOR',
}

registerEnumType(Role, { name: 'Role', description: 'What an account may do; see docs/roles.md' });
