// Accessibility matcher (`expect(element).toBeAccessible()`) for every LWC test. Node-side
// suites (`@jest-environment node`) have no DOM, and sa11y needs one, so they skip it.
if (typeof Element !== 'undefined') {
    const { registerSa11yMatcher } = require('@sa11y/jest');
    registerSa11yMatcher();
}
