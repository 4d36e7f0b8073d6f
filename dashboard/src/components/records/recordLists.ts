/**
 * The record lists RecordsDrawer can show: for each kind, the fields a row
 * reads (a fragment, declared here beside the columns that read it), the
 * page query that spreads the fragment, and the columns.
 *
 * This is the fragment pattern for the whole dashboard: the query owner (the
 * drawer) spreads `...ActivityRecord` and passes the fragment as the second
 * argument of `graphql`; what it gets back is masked (it cannot read the
 * fragment's fields by accident); the rows' owner unmasks them with
 * `readFragment(ActivityRecordFields, nodes)`.
 */
import type { TadaDocumentNode } from 'gql.tada';
import { graphql, readFragment, type FragmentOf, type ResultOf } from '../../app/graphql';
import { translate, type Lang, type MessageKey } from '../../app/i18n';
import { formatHubDateTime } from '../../app/format';
import { localName } from '../../app/session';
import type { Column } from '../table/tableData';
import type { RecordKind } from './drills';

export const ActivityRecordFields = graphql(`
  fragment ActivityRecord on Activity {
    id
    date
    title
    form
    participants
    organiser {
      id
      name
      nameEn
    }
    region {
      id
      name
      nameEn
    }
  }
`);

export const SlotRecordFields = graphql(`
  fragment SlotRecord on BroadcastSlot {
    id
    startsAt
    programme
    channel
    durationMinutes
    primeTime
    outlet {
      id
      name
      nameEn
    }
  }
`);

export const ItemRecordFields = graphql(`
  fragment ItemRecord on ResponsibilityItem {
    id
    year
    title
    startsOn
    endsOn
    plannedCount
    agency {
      id
      name
      nameEn
    }
  }
`);

export const ResponseRecordFields = graphql(`
  fragment ResponseRecord on SurveyResponse {
    id
    submittedOn
    wave {
      id
      name
    }
    district {
      id
      name
      nameEn
    }
    answers {
      aware
    }
  }
`);

export const AttendanceRecordFields = graphql(`
  fragment AttendanceRecord on TrainingAttendance {
    id
    attendee
    required
    attended
    hours
    score
    agency {
      id
      name
      nameEn
    }
    session {
      id
      title
      startsOn
      kind
    }
  }
`);

export const ActivitiesPageQuery = graphql(
  `
    query RecordsActivities($filter: ActivityFilter, $first: Int, $after: String) {
      activities(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ActivityRecord
        }
      }
    }
  `,
  [ActivityRecordFields],
);

export const SlotsPageQuery = graphql(
  `
    query RecordsBroadcastSlots($filter: SlotFilter, $first: Int, $after: String) {
      broadcastSlots(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...SlotRecord
        }
      }
    }
  `,
  [SlotRecordFields],
);

export const ItemsPageQuery = graphql(
  `
    query RecordsResponsibilityItems($filter: ResponsibilityFilter, $first: Int, $after: String) {
      responsibilityItems(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ItemRecord
        }
      }
    }
  `,
  [ItemRecordFields],
);

export const ResponsesPageQuery = graphql(
  `
    query RecordsSurveyResponses($filter: ResponseFilter, $first: Int, $after: String) {
      surveyResponses(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...ResponseRecord
        }
      }
    }
  `,
  [ResponseRecordFields],
);

export const AttendancePageQuery = graphql(
  `
    query RecordsTrainingAttendance($filter: AttendanceFilter, $first: Int, $after: String) {
      trainingAttendance(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...AttendanceRecord
        }
      }
    }
  `,
  [AttendanceRecordFields],
);

/** One page of records as the drawer shows it. */
export interface RecordPage<Row> {
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
  rows: Row[];
}

/** Everything the drawer needs to list one kind of record. */
export interface RecordList<Row> {
  query: TadaDocumentNode<any, { filter?: any; first?: number | null; after?: string | null }>;
  page: (data: any) => RecordPage<Row>;
  columns: (lang: Lang) => Column<Row>[];
}

type Connection<Node> = { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] };

function pageOf<Node, Row>(connection: Connection<Node>, unmask: (nodes: Node[]) => readonly Row[]): RecordPage<Row> {
  return {
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
    rows: [...unmask(connection.nodes)],
  };
}

export type ActivityRecord = ResultOf<typeof ActivityRecordFields>;
export type SlotRecord = ResultOf<typeof SlotRecordFields>;
export type ItemRecord = ResultOf<typeof ItemRecordFields>;
export type ResponseRecord = ResultOf<typeof ResponseRecordFields>;
export type AttendanceRecord = ResultOf<typeof AttendanceRecordFields>;

const label = (lang: Lang, key: string) => translate(lang, `drawer.col.${key}` as MessageKey);

const activities: RecordList<ActivityRecord> = {
  query: ActivitiesPageQuery,
  page: (data: ResultOf<typeof ActivitiesPageQuery>) =>
    pageOf(data.activities, (nodes: FragmentOf<typeof ActivityRecordFields>[]) => readFragment(ActivityRecordFields, nodes)),
  columns: (lang) => [
    { id: 'date', label: label(lang, 'date'), value: (r) => r.date, kind: 'date' },
    { id: 'title', label: label(lang, 'title'), value: (r) => r.title },
    { id: 'organiser', label: label(lang, 'organiser'), value: (r) => localName(r.organiser, lang) },
    { id: 'region', label: label(lang, 'region'), value: (r) => localName(r.region, lang) },
    { id: 'form', label: label(lang, 'form'), value: (r) => translate(lang, `enum.forms.${r.form}` as MessageKey) },
    { id: 'participants', label: label(lang, 'participants'), value: (r) => r.participants, kind: 'integer' },
  ],
};

const broadcastSlots: RecordList<SlotRecord> = {
  query: SlotsPageQuery,
  page: (data: ResultOf<typeof SlotsPageQuery>) =>
    pageOf(data.broadcastSlots, (nodes: FragmentOf<typeof SlotRecordFields>[]) => readFragment(SlotRecordFields, nodes)),
  columns: (lang) => [
    { id: 'startsAt', label: label(lang, 'startsAt'), value: (r) => formatHubDateTime(r.startsAt, lang) },
    { id: 'outlet', label: label(lang, 'outlet'), value: (r) => localName(r.outlet, lang) },
    { id: 'channel', label: label(lang, 'channel'), value: (r) => r.channel },
    { id: 'programme', label: label(lang, 'programme'), value: (r) => r.programme },
    { id: 'minutes', label: label(lang, 'minutes'), value: (r) => r.durationMinutes, kind: 'integer' },
    {
      id: 'primeTime',
      label: label(lang, 'primeTime'),
      value: (r) => translate(lang, r.primeTime ? 'drawer.yes' : 'drawer.no'),
    },
  ],
};

const responsibilityItems: RecordList<ItemRecord> = {
  query: ItemsPageQuery,
  page: (data: ResultOf<typeof ItemsPageQuery>) =>
    pageOf(data.responsibilityItems, (nodes: FragmentOf<typeof ItemRecordFields>[]) => readFragment(ItemRecordFields, nodes)),
  columns: (lang) => [
    { id: 'year', label: label(lang, 'year'), value: (r) => r.year, kind: 'text' },
    { id: 'agency', label: label(lang, 'agency'), value: (r) => localName(r.agency, lang) },
    { id: 'item', label: label(lang, 'item'), value: (r) => r.title },
    { id: 'window', label: label(lang, 'window'), value: (r) => `${r.startsOn} – ${r.endsOn}` },
    { id: 'planned', label: label(lang, 'planned'), value: (r) => r.plannedCount, kind: 'integer' },
  ],
};

const surveyResponses: RecordList<ResponseRecord> = {
  query: ResponsesPageQuery,
  page: (data: ResultOf<typeof ResponsesPageQuery>) =>
    pageOf(data.surveyResponses, (nodes: FragmentOf<typeof ResponseRecordFields>[]) =>
      readFragment(ResponseRecordFields, nodes),
    ),
  columns: (lang) => [
    { id: 'submittedOn', label: label(lang, 'submittedOn'), value: (r) => r.submittedOn, kind: 'date' },
    { id: 'wave', label: label(lang, 'wave'), value: (r) => r.wave.name },
    { id: 'district', label: label(lang, 'district'), value: (r) => localName(r.district, lang) },
    { id: 'answers', label: label(lang, 'answers'), value: (r) => r.answers.length, kind: 'integer' },
  ],
};

const attendanceState = (required: boolean, attended: boolean): MessageKey =>
  required ? (attended ? 'drawer.attendance.present' : 'drawer.attendance.absent') : attended ? 'drawer.attendance.voluntary' : 'drawer.attendance.none';

const trainingAttendance: RecordList<AttendanceRecord> = {
  query: AttendancePageQuery,
  page: (data: ResultOf<typeof AttendancePageQuery>) =>
    pageOf(data.trainingAttendance, (nodes: FragmentOf<typeof AttendanceRecordFields>[]) =>
      readFragment(AttendanceRecordFields, nodes),
    ),
  columns: (lang) => [
    // Seven columns fit the drawer: the session's kind goes with its title, required and attended
    // make one state (an absence is what a rate below 100% is made of).
    { id: 'date', label: label(lang, 'date'), value: (r) => r.session.startsOn, kind: 'date' },
    { id: 'attendee', label: label(lang, 'attendee'), value: (r) => r.attendee },
    { id: 'agency', label: label(lang, 'agency'), value: (r) => localName(r.agency, lang) },
    {
      id: 'session',
      label: label(lang, 'session'),
      value: (r) => `${r.session.title}（${translate(lang, `enum.trainingKinds.${r.session.kind}` as MessageKey)}）`,
    },
    { id: 'attendance', label: label(lang, 'attendance'), value: (r) => translate(lang, attendanceState(r.required, r.attended)) },
    { id: 'hours', label: label(lang, 'hours'), value: (r) => r.hours, kind: 'decimal' },
    { id: 'score', label: label(lang, 'score'), value: (r) => r.score, kind: 'decimal' },
  ],
};

export const RECORD_LISTS: { [K in RecordKind]: RecordList<any> } = {
  activities,
  broadcastSlots,
  responsibilityItems,
  surveyResponses,
  trainingAttendance,
};
