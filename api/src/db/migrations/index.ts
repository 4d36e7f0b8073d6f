import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261127174958 } from './Migration20261127174958.js';
import { Migration20261127181330 } from './Migration20261127181330.js';
import { Migration20261127182707 } from './Migration20261127182707.js';
import { Migration20261127183336 } from './Migration20261127183336.js';
import { Migration20261127190214 } from './Migration20261127190214.js';
import { Migration20261127193855 } from './Migration20261127193855.js';
import { Migration20261127204500 } from './Migration20261127204500.js';
import { Migration20261127205515 } from './Migration20261127205515.js';
import { Migration20261127212000 } from './Migration20261127212000.js';
import { Migration20261127212715 } from './Migration20261127212715.js';
import { Migration20261127212726 } from './Migration20261127212726.js';
import { Migration20261127233000 } from './Migration20261127233000.js';
import { Migration20261128030000 } from './Migration20261128030000.js';
import { Migration20261128050000 } from './Migration20261128050000.js';

/** Every committed migration, in order. Listed here (not discovered from files) so tsc output and vitest load the same set. */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261127174958', class: Migration20261127174958 },
  { name: 'Migration20261127181330', class: Migration20261127181330 },
  { name: 'Migration20261127182707', class: Migration20261127182707 },
  { name: 'Migration20261127183336', class: Migration20261127183336 },
  { name: 'Migration20261127190214', class: Migration20261127190214 },
  { name: 'Migration20261127193855', class: Migration20261127193855 },
  { name: 'Migration20261127204500', class: Migration20261127204500 },
  { name: 'Migration20261127205515', class: Migration20261127205515 },
  { name: 'Migration20261127212000', class: Migration20261127212000 },
  { name: 'Migration20261127212715', class: Migration20261127212715 },
  { name: 'Migration20261127212726', class: Migration20261127212726 },
  { name: 'Migration20261127233000', class: Migration20261127233000 },
  { name: 'Migration20261128030000', class: Migration20261128030000 },
  { name: 'Migration20261128050000', class: Migration20261128050000 },
];
