/**
 * The training page's messages and the drawer's attendance list (merged into
 * the dictionary in app/i18n.ts). Chinese first; English must have every key.
 */
export const trainingZh = {
  'training.openRecords': '点击应参训人次、参训率、领导干部参训率、学时、考试合格率，各单位统计表中的人次和参训率，或热力图中的格子，可查看背后的参训记录。',
  'training.drill.required': '{scope} 应参训记录',
  'training.drill.attended': '{scope} 已参训记录',
  'training.drill.leading': '{scope} 领导干部应参训记录',
  'training.drill.all': '{scope} 参训记录（计学时）',
  'training.drill.scored': '{scope} 有考试成绩的参训记录',
  'training.drill.separator': ' ',

  'drawer.kind.trainingAttendance': '参训记录',
  'drawer.col.attendee': '参训人员',
  'drawer.col.session': '培训名称',
  'drawer.col.attendance': '出勤',
  'drawer.attendance.present': '已参训',
  'drawer.attendance.absent': '缺席',
  'drawer.attendance.voluntary': '自愿参加',
  'drawer.attendance.none': '未要求参训',
  'drawer.col.hours': '学时',
  'drawer.col.score': '考试成绩',

  'enum.trainingKinds.BACKBONE_CLASS': '骨干培训班',
  'enum.trainingKinds.LEADING_CADRE_STUDY': '领导干部学法',
  'enum.trainingKinds.LECTURER_GROUP': '讲师团授课',
  'enum.trainingKinds.STAFF_TRAINING': '执法人员培训',
} as const;

export const trainingEn: Record<keyof typeof trainingZh, string> = {
  'training.openRecords':
    'Click required attendance, an attendance rate, hours, the pass rate, a count or rate in the table by agency, or a heatmap cell to list the attendance records behind it.',
  'training.drill.required': 'Required attendance, {scope}',
  'training.drill.attended': 'Attendance, {scope}',
  'training.drill.leading': 'Leading cadres’ required attendance, {scope}',
  'training.drill.all': 'Attendance records (hours), {scope}',
  'training.drill.scored': 'Attendance records with an exam score, {scope}',
  'training.drill.separator': ', ',

  'drawer.kind.trainingAttendance': 'Training attendance',
  'drawer.col.attendee': 'Attendee',
  'drawer.col.session': 'Session',
  'drawer.col.attendance': 'Attendance',
  'drawer.attendance.present': 'Attended',
  'drawer.attendance.absent': 'Absent',
  'drawer.attendance.voluntary': 'Attended (not required)',
  'drawer.attendance.none': 'Not required',
  'drawer.col.hours': 'Hours',
  'drawer.col.score': 'Exam score',

  'enum.trainingKinds.BACKBONE_CLASS': 'Backbone class',
  'enum.trainingKinds.LEADING_CADRE_STUDY': 'Leading cadres’ law study',
  'enum.trainingKinds.LECTURER_GROUP': 'Lecturer group',
  'enum.trainingKinds.STAFF_TRAINING': 'Staff training',
};
