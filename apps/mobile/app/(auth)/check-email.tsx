import { CheckEmailScreen } from '../../src/screens/check-email-screen';

export default CheckEmailScreen;
