import { Route, Routes } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { NotFoundPage } from '../NotFoundPage';
import { ApplicationMoneyPage } from './ApplicationMoneyPage';
import { BudgetHomePage } from './BudgetHomePage';
import { CallBudgetPage } from './CallBudgetPage';
import { ChecksPage } from './ChecksPage';
import { DisbursementsPage } from './DisbursementsPage';
import { ReconciliationPage } from './ReconciliationPage';
import './budget.css';

/** The Budget Department (BUD PCH): calls' budgets, reconciliation, the disbursement register, payments and returns, ledger and audit checks. */
export default function BudgetArea() {
  return (
    <RequireRole roles={['budget']}>
      <Routes>
        <Route index element={<BudgetHomePage />} />
        <Route path="calls/:id" element={<CallBudgetPage />} />
        <Route path="calls/:id/reconciliation" element={<ReconciliationPage />} />
        <Route path="calls/:id/disbursements" element={<DisbursementsPage />} />
        <Route path="applications/:id" element={<ApplicationMoneyPage />} />
        <Route path="checks" element={<ChecksPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireRole>
  );
}
