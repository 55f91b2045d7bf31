/**
 * The intercoder agreement report for App.tsx: <AgreementButton/> opens it from the top bar
 * (agreement.report and agreement.coders in src/shared/api/agreement.ts).
 */
export { AgreementButton } from './AgreementButton';
