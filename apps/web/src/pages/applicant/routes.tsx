import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';
import { ApplicationFormPage } from './ApplicationFormPage';
import { ApplicationDetailPage } from './detail/ApplicationDetailPage';
import { SettlementPage } from './detail/SettlementPage';
import { MyApplicationsPage } from './MyApplicationsPage';
import { OrganisationPage } from './organisation/OrganisationPage';

/** The applicant's area: their organisation's applications, from draft to settlement. */
export default function ApplicantArea() {
  return (
    <RequireRole roles={['applicant']}>
      <Routes>
        <Route index element={<MyApplicationsPage />} />
        <Route path="applications/new" element={<ApplicationFormPage />} />
        <Route path="applications/:id/edit" element={<ApplicationFormPage />} />
        <Route path="applications/:id" element={<ApplicationDetailPage />} />
        <Route path="applications/:id/settlement" element={<SettlementPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
