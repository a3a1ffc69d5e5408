import { ForgotPasswordScreen } from '../../src/screens/forgot-password-screen';

export default ForgotPasswordScreen;
