import { AccountScreen } from '../../../src/screens/account-screen';

export default AccountScreen;
