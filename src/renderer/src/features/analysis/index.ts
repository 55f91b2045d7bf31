/** The claims view (issue 16): the claims table, timeline and actor network under one filter, for App.tsx. */
export { AnalysisView } from './AnalysisView';
export { useAnalysisStrings } from './strings';
