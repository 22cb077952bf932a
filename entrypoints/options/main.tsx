import '../../app/options/options.css';
import { startOptions } from '../../app/options/start';

const root = document.getElementById('app');
if (root) void startOptions(root);
