import { VerifyEmailScreen } from '../src/screens/verify-email-screen';

// msp://verify-email?token=… — reachable signed in or not, like the link in the email.
export default VerifyEmailScreen;
