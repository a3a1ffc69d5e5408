import { registerRootComponent } from 'expo';

import App from './App';

// registerRootComponent registers App as "main" and sets up the environment the same way in Expo Go,
// development builds and the web bundle, so there is one entry point for every platform.
registerRootComponent(App);
