import { NotificationPreferencesScreen } from '../../src/screens/notification-preferences-screen';

export default NotificationPreferencesScreen;
