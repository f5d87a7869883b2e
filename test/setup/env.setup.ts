import { applyTestEnvironment } from './test-env';

applyTestEnvironment();
