/* global document */
// Preview entry: synthetic shadow lets the global SLDS stylesheet reach inside the components,
// as on the Lightning platform.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import App from 'preview/app';

const app = createElement('preview-app', { is: App });
document.querySelector('#root').appendChild(app);
