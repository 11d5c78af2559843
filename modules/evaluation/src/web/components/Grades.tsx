/** Grades by quota (绩效评价 A/B/C): a grade's coloured tag and a run's count per grade with its cap. */
import { Space, Tag } from 'antd';
import { useT } from '@kechuang/platform-web';
import type { RunSummary } from '../types.ts';

export type GradeCounts = NonNullable<RunSummary['grades']>;

const GRADE_COLOURS = ['green', 'blue', 'orange', 'red', 'purple', 'default'];

/** a grade's tag, coloured by its place among the run's grades (the best green) */
export function GradeTag({ grade, grades }: { grade: string | null; grades: string[] }) {
  if (!grade) return <>—</>;
  const k = grades.indexOf(grade);
  return (
    <Tag
      color={GRADE_COLOURS[k < 0 ? GRADE_COLOURS.length - 1 : Math.min(k, GRADE_COLOURS.length - 1)]}
      style={{ minWidth: 28, textAlign: 'center', fontWeight: 600 }}
      data-testid="grade-tag"
    >
      {grade}
    </Tag>
  );
}

/** "[A] 1 个（限 1 个） [B] 4 个（限 4 个） [C] 3 个" */
export function GradeSummary({ grades }: { grades: GradeCounts }) {
  const t = useT();
  const names = grades.map((g) => g.grade);
  return (
    <Space size={12} wrap data-testid="grade-summary">
      {grades.map((g) => (
        <span key={g.grade} data-testid="grade-count">
          <GradeTag grade={g.grade} grades={names} />
          {t('ev.review.gradeCount', { count: g.count })}
          {g.cap !== undefined && <span style={{ color: '#8c8c8c' }}>{t('ev.review.gradeCap', { cap: g.cap })}</span>}
        </span>
      ))}
    </Space>
  );
}
