import { SessionsScreen } from '../../src/screens/sessions-screen';

export default SessionsScreen;
