import { mark } from './lib/marks';
mark('script');
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import QuickLogWindow from './QuickLogWindow.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
// The same bundle serves the main window and the small quick-log window (index.html#quicklog).
export default mount(location.hash === '#quicklog' ? QuickLogWindow : App, { target });
