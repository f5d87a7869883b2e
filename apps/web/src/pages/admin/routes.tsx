import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';
import { NewUserPage } from './NewUserPage';
import { UsersPage } from './UsersPage';
import './admin.css';

/** The administrator's area (at /administration: /admin is the API's queue dashboard): user accounts, roles and affiliations. */
export default function AdminArea() {
  return (
    <RequireRole roles={['admin']}>
      <Routes>
        <Route index element={<UsersPage />} />
        <Route path="users/new" element={<NewUserPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
