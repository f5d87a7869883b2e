import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';

export default function BudgetArea() {
  return (
    <RequireRole roles={['budget']}>
      <Routes>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
