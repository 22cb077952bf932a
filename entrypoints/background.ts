import { startBackground } from '../app/background/start';

export default defineBackground(() => startBackground());
