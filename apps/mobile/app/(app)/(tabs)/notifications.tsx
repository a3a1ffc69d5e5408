import { NotificationsScreen } from '../../../src/screens/notifications-screen';

export default NotificationsScreen;
