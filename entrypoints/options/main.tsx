import '../../components/options/options.css';
import { startOptions } from '../../components/options/start';

const root = document.getElementById('app');
if (root) void startOptions(root);
