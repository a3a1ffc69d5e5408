import { SettingsScreen } from '../src/screens/settings-screen';

export default SettingsScreen;
