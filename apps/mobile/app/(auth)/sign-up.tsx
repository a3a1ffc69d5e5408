import { SignUpScreen } from '../../src/screens/sign-up-screen';

export default SignUpScreen;
