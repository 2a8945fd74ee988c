// Imported first by the explorer's entry (index.tsx), before React and Ink are evaluated: React picks its
// development or production build when it is first loaded, and the development build (extra checks, render
// timing marks) makes each screen update several times slower — too slow for a folder of 100 000 reports.
process.env.NODE_ENV ??= 'production';
export {};
