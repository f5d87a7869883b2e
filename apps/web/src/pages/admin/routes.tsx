import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';

export default function AdminArea() {
  return (
    <RequireRole roles={['admin']}>
      <Routes>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
