import { account } from './account';
import { admin } from './admin';
import { auth } from './auth';
import { billing } from './billing';
import { common } from './common';
import { workspace } from './workspace';

export const en = { common, auth, workspace, account, billing, admin };
