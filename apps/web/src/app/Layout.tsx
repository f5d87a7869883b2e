import { GovButton, GovFormSelect } from '@gov-design-system-ce/react';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { homeOf, useSession } from '../auth/session';
import { Loading } from '../components/Display';
import { LANGUAGES } from '../i18n/namespaces';

/** The frame of every page: skip link, header with navigation, language and session, main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common:app.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1} className="gov-container page">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </>
  );
}

function Header() {
  const { t, i18n } = useTranslation();
  const { user, logout } = useSession();
  const navigate = useNavigate();
  const links: { to: string; label: string }[] = [
    { to: '/', label: t('common:nav.calls') },
    { to: '/policy', label: t('common:nav.policy') },
  ];
  if (user) {
    const label = {
      applicant: t('common:nav.myApplications'),
      commission: t('common:nav.commission'),
      officer: t('common:nav.officer'),
      budget: t('common:nav.budget'),
      admin: t('common:nav.admin'),
    }[user.role];
    links.push({ to: homeOf(user.role), label });
  }
  return (
    <header className="site-header">
      <div className="gov-container site-header__bar">
        <Link to="/" className="site-header__brand">
          <span className="site-header__city">{t('common:app.city')}</span>
          <span className="site-header__title">{t('common:app.title')}</span>
        </Link>
        <div className="site-header__tools">
          <label className="language-select">
            <span className="visually-hidden">{t('common:language.label')}</span>
            <GovFormSelect
              size="s"
              value={i18n.resolvedLanguage ?? i18n.language}
              onChange={(event) => void i18n.changeLanguage(event.target.value)}
              aria-label={t('common:language.label')}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`common:language.${language}`)}
                </option>
              ))}
            </GovFormSelect>
          </label>
          {user ? (
            <>
              <span className="site-header__user">
                {t('common:nav.signedInAs', { name: user.fullName })} ({t(`common:roles.${user.role}`)})
              </span>
              <Link className="site-header__login" to="/account/password">
                {t('common:nav.changePassword')}
              </Link>
              <GovButton
                className="site-header__logout"
                type="outlined"
                color="neutral"
                size="s"
                onClick={async () => {
                  await logout();
                  await navigate('/');
                }}
              >
                {t('common:nav.logout')}
              </GovButton>
            </>
          ) : (
            <Link className="site-header__login" to="/login">
              {t('common:nav.login')}
            </Link>
          )}
        </div>
      </div>
      <nav className="site-nav" aria-label={t('common:nav.label')}>
        <ul className="gov-container">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.to === '/'}>
                {link.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="gov-container">
        <p>{t('common:footer.operator')}</p>
        <p>{t('common:footer.designSystem')}</p>
        <p>
          <a href="/api/docs">{t('common:footer.api')}</a>
        </p>
      </div>
    </footer>
  );
}
