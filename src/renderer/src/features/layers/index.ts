/** Importing a colleague's work as their layer, for App.tsx: <LayersButton/> in the top bar. */
export { LayersButton } from './LayersButton';
