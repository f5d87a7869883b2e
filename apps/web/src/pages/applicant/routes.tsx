import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';

export default function ApplicantArea() {
  return (
    <RequireRole roles={['applicant']}>
      <Routes>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
