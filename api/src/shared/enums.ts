import { registerEnumType } from 'type-graphql';
import * as m from '@pufa/seeds';

/** The value lists live in @pufa/seeds/model (shared with the generator); here they become GraphQL enums. */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RegionLevel = enumOf(m.REGION_LEVELS);
export const AgencyKind = enumOf(m.AGENCY_KINDS);
export const AgencyLevel = enumOf(m.AGENCY_LEVELS);
export const LawKind = enumOf(m.LAW_KINDS);
export const Form = enumOf(m.FORMS);
export const VenueType = enumOf(m.VENUE_TYPES);
export const Audience = enumOf(m.AUDIENCES);
export const KeyDate = enumOf(m.KEY_DATES);
export const OutletKind = enumOf(m.OUTLET_KINDS);
export const SlotKind = enumOf(m.SLOT_KINDS);
export const TrainingKind = enumOf(m.TRAINING_KINDS);
export const SurveyMethod = enumOf(m.SURVEY_METHODS);
export const QuestionKind = enumOf(m.QUESTION_KINDS);
export const AgeBand = enumOf(m.AGE_BANDS);
export const Occupation = enumOf(m.OCCUPATIONS);


registerEnumType(RegionLevel, { name: 'RegionLevel', description: 'City → district → street/town → community/village' });
registerEnumType(AgencyKind, { name: 'AgencyKind' });
registerEnumType(AgencyLevel, { name: 'AgencyLevel' });
registerEnumType(LawKind, { name: 'LawKind' });
registerEnumType(Form, { name: 'Form', description: 'Form of a legal-education activity' });
registerEnumType(VenueType, { name: 'VenueType', description: '送法进 乡村/社区/学校/企业/单位 …' });
registerEnumType(Audience, { name: 'Audience' });
registerEnumType(KeyDate, { name: 'KeyDate', description: 'Key date an activity served (宪法宣传周, 3·15, 4·15 …)' });
registerEnumType(OutletKind, { name: 'OutletKind' });
registerEnumType(SlotKind, { name: 'SlotKind' });
registerEnumType(TrainingKind, { name: 'TrainingKind' });
registerEnumType(SurveyMethod, { name: 'SurveyMethod' });
registerEnumType(QuestionKind, { name: 'QuestionKind' });
registerEnumType(AgeBand, { name: 'AgeBand' });
registerEnumType(Occupation, { name: 'Occupation' });
