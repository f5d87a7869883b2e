import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';
import { ApplicationEvaluationPage } from './ApplicationEvaluationPage';
import { CommissionHomePage } from './CommissionHomePage';
import { CommissionRankingPage } from './CommissionRankingPage';

/** The DOT Commission's desk: their calls' applications, the declaration and score sheet of each, and the ranking. */
export default function CommissionArea() {
  return (
    <RequireRole roles={['commission']}>
      <Routes>
        <Route index element={<CommissionHomePage />} />
        <Route path="applications/:id" element={<ApplicationEvaluationPage />} />
        <Route path="calls/:id/ranking" element={<CommissionRankingPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
