import { inputRobustnessEnv, inputRobustnessSuite } from '../input-robustness-suite.js';
import { startEmbedded } from '../platforms.js';

inputRobustnessSuite('embedded platform', () => startEmbedded(inputRobustnessEnv));
