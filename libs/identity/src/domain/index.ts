/** identity's pure rules: the front door for other libraries' rules and for the portal. */
export * from './bank-account';
export * from './bank-account-requests';
export * from './ico';
export * from './identity-errors';
export * from './organisation-kind';
export * from './user-directory';
export * from './account-rules';
export * from './login-throttle';
