import { SignInScreen } from '../../src/screens/sign-in-screen';

export default SignInScreen;
