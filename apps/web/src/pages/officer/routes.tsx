import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';
import { ApplicationPage } from './ApplicationPage';
import { BankAccountRequestsPage } from './BankAccountRequestsPage';
import { CallFormPage } from './CallFormPage';
import { CallPage } from './CallPage';
import { CallsPage } from './CallsPage';
import { CommissionSetupPage } from './evaluation/CommissionSetupPage';
import { FormalCheckPage } from './evaluation/FormalCheckPage';
import { RankingBoardPage } from './evaluation/RankingBoardPage';
import { LettersPage } from './LettersPage';
import { OfficerHomePage } from './OfficerHomePage';
import { ProgrammePage } from './ProgrammePage';
import { ProgrammesPage } from './ProgrammesPage';
import { ResolutionPage } from './resolutions/ResolutionPage';

/** The NMF officers' desk: programmes and calls, the formal check, the commission's work, decisions, contracts, letters. */
export default function OfficerArea() {
  return (
    <RequireRole roles={['officer']}>
      <Routes>
        <Route index element={<OfficerHomePage />} />
        <Route path="programmes" element={<ProgrammesPage />} />
        <Route path="programmes/:id" element={<ProgrammePage />} />
        <Route path="calls" element={<CallsPage />} />
        <Route path="calls/new" element={<CallFormPage />} />
        <Route path="calls/:id/edit" element={<CallFormPage />} />
        <Route path="calls/:id" element={<CallPage />} />
        <Route path="calls/:id/commission" element={<CommissionSetupPage />} />
        <Route path="calls/:id/formal-check" element={<FormalCheckPage />} />
        <Route path="calls/:id/ranking" element={<RankingBoardPage />} />
        <Route path="resolutions/:id" element={<ResolutionPage />} />
        <Route path="applications/:id" element={<ApplicationPage />} />
        <Route path="letters" element={<LettersPage />} />
        <Route path="bank-accounts" element={<BankAccountRequestsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
