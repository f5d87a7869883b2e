import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';

export default function CommissionArea() {
  return (
    <RequireRole roles={['commission']}>
      <Routes>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
