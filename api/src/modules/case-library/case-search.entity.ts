import { Entity, Index, OneToOne, Property } from '@mikro-orm/core';
import { CaseStudy } from '../cases/case.entity.js';

/**
 * The search document of a case: character bigrams of its title (weight A), summary (B) and body
 * (C) as a tsvector (docs/portal.md, "Searching in Chinese"). Written only by the trigger on
 * case_study that the migration creates, so cases from batches, files, the seed or an import are
 * searchable alike; never written by the app.
 */
@Entity({ tableName: 'case_search' })
@Index({ name: 'case_search_document_index', expression: 'create index "case_search_document_index" on "case_search" using gin ("document")' })
export class CaseSearch {
  @OneToOne({ entity: () => CaseStudy, primary: true, owner: true, fieldName: 'case_id', deleteRule: 'cascade', updateRule: 'cascade' })
  case!: CaseStudy;

  @Property({ columnType: 'tsvector', type: 'string', lazy: true })
  document!: string;
}
